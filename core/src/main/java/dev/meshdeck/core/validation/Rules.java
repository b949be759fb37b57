package dev.meshdeck.core.validation;

import dev.meshdeck.core.validation.rules.AllZeroWeights;
import dev.meshdeck.core.validation.rules.ConflictingGateways;
import dev.meshdeck.core.validation.rules.ConflictingMeshVirtualServices;
import dev.meshdeck.core.validation.rules.DestinationHostNotFound;
import dev.meshdeck.core.validation.rules.DestinationPortNotFound;
import dev.meshdeck.core.validation.rules.DestinationPortRequired;
import dev.meshdeck.core.validation.rules.DestinationRuleHostNotFound;
import dev.meshdeck.core.validation.rules.DuplicateDestinationRuleSubset;
import dev.meshdeck.core.validation.rules.DuplicateGatewayCertificate;
import dev.meshdeck.core.validation.rules.GatewayCredentialInvalid;
import dev.meshdeck.core.validation.rules.GatewayCredentialNotFound;
import dev.meshdeck.core.validation.rules.GatewayNotFound;
import dev.meshdeck.core.validation.rules.GatewayPortNotOnService;
import dev.meshdeck.core.validation.rules.GatewaySelectorMatchesNoWorkload;
import dev.meshdeck.core.validation.rules.HostNotInGateway;
import dev.meshdeck.core.validation.rules.IneffectiveMatch;
import dev.meshdeck.core.validation.rules.InternalGatewayReference;
import dev.meshdeck.core.validation.rules.JwtClaimRouteWithoutRequestAuthentication;
import dev.meshdeck.core.validation.rules.NegativeWeight;
import dev.meshdeck.core.validation.rules.PortTlsWithoutCaCertificates;
import dev.meshdeck.core.validation.rules.SubsetIgnoredOnIngress;
import dev.meshdeck.core.validation.rules.SubsetNotFound;
import dev.meshdeck.core.validation.rules.SubsetSelectsNoPods;
import dev.meshdeck.core.validation.rules.TlsWithoutCaCertificates;
import dev.meshdeck.core.validation.rules.UnreachableRouteRule;
import dev.meshdeck.core.validation.rules.WeightsNotHundred;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The catalogue of MeshDeck's rules. Codes are stable: a retired code is never reused. */
public final class Rules {

    private Rules() {
    }

    public static List<Rule> defaults() {
        return List.of(
                new SubsetNotFound(),
                new WeightsNotHundred(),
                new NegativeWeight(),
                new AllZeroWeights(),
                new ConflictingMeshVirtualServices(),
                new SubsetIgnoredOnIngress(),
                new UnreachableRouteRule(),
                new IneffectiveMatch(),
                new TlsWithoutCaCertificates(),
                new PortTlsWithoutCaCertificates(),
                new DuplicateDestinationRuleSubset(),
                new ConflictingGateways(),
                new DuplicateGatewayCertificate(),
                new DestinationHostNotFound(),
                new DestinationPortNotFound(),
                new DestinationPortRequired(),
                new GatewayNotFound(),
                new HostNotInGateway(),
                new InternalGatewayReference(),
                new JwtClaimRouteWithoutRequestAuthentication(),
                new DestinationRuleHostNotFound(),
                new SubsetSelectsNoPods(),
                new GatewaySelectorMatchesNoWorkload(),
                new GatewayPortNotOnService(),
                new GatewayCredentialNotFound(),
                new GatewayCredentialInvalid());
    }

    /** Every code MeshDeck can report, including those of input reading, sorted by code. */
    public static List<RuleInfo> catalogue() {
        List<RuleInfo> all = new ArrayList<>();
        all.add(ValidationInput.SYNTAX);
        all.add(ValidationInput.NOT_AN_OBJECT);
        defaults().forEach(r -> all.add(r.info()));
        all.sort(Comparator.comparing(RuleInfo::code));
        return all;
    }

    /** The Markdown table of docs/validation-codes.md. */
    public static String markdownTable() {
        StringBuilder s = new StringBuilder("| code | severity | category | what it finds | istioctl | Kiali |\n");
        s.append("|---|---|---|---|---|---|\n");
        for (RuleInfo r : catalogue()) {
            s.append("| ").append(r.code()).append(" | ").append(r.severity().label()).append(" | ")
                    .append(r.category().label()).append(" | ").append(r.title()).append(" | ")
                    .append(r.istioCode().orElse("")).append(" | ").append(r.kialiCode().orElse("")).append(" |\n");
        }
        return s.toString();
    }
}
