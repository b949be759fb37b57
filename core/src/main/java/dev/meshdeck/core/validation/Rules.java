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
import dev.meshdeck.core.validation.rules.DottedHostNotInRegistry;
import dev.meshdeck.core.validation.rules.RepeatedRouteDestination;
import dev.meshdeck.core.validation.rules.ServiceEntryDuplicateHostPort;
import dev.meshdeck.core.validation.rules.ServiceEntryProtocolConflict;
import dev.meshdeck.core.validation.rules.ExportToNamespaceNotFound;
import dev.meshdeck.core.validation.rules.SidecarSelectorInRootNamespace;
import dev.meshdeck.core.validation.rules.SidecarSelectorNoWorkload;
import dev.meshdeck.core.validation.rules.SidecarDuplicateSelectorless;
import dev.meshdeck.core.validation.rules.SidecarSelectorsOverlap;
import dev.meshdeck.core.validation.rules.SidecarEgressHostNotFound;
import dev.meshdeck.core.validation.rules.SubsetNotFound;
import dev.meshdeck.core.validation.rules.SubsetSelectsNoPods;
import dev.meshdeck.core.validation.rules.TlsWithoutCaCertificates;
import dev.meshdeck.core.validation.rules.UnreachableRouteRule;
import dev.meshdeck.core.validation.rules.WeightsNotHundred;
import dev.meshdeck.core.validation.rules.config.ConfigChecks;
import dev.meshdeck.core.validation.rules.scaling.ScalingChecks;
import dev.meshdeck.core.validation.rules.knative.KnativeTrafficNotHundred;
import dev.meshdeck.core.validation.rules.knative.KnativePercentOutOfRange;
import dev.meshdeck.core.validation.rules.knative.KnativeDuplicateTag;
import dev.meshdeck.core.validation.rules.knative.KnativeLatestRevisionConflict;
import dev.meshdeck.core.validation.rules.knative.KnativeRevisionNotFound;
import dev.meshdeck.core.validation.rules.lambda.LambdaAliasUnpublishedVersion;
import dev.meshdeck.core.validation.rules.lambda.LambdaProvisionedConcurrencyInvalid;
import dev.meshdeck.core.validation.rules.lambda.LambdaAliasTooManyVersions;
import dev.meshdeck.core.validation.rules.lambda.LambdaAliasWeightOutOfRange;
import dev.meshdeck.core.validation.rules.cloudrun.CloudRunTagInvalid;
import dev.meshdeck.core.validation.rules.cloudrun.CloudRunTrafficNotHundred;
import dev.meshdeck.core.validation.rules.lambda.LambdaAliasRoutesToPrimary;
import dev.meshdeck.core.validation.rules.monitoring.MonitoringRules;
import dev.meshdeck.core.validation.rules.security.AuthzNamespaceNotFound;
import dev.meshdeck.core.validation.rules.security.AuthzSelectorNoWorkload;
import dev.meshdeck.core.validation.rules.security.AuthzPrincipalNotFound;
import dev.meshdeck.core.validation.rules.security.AuthnSelectorNoWorkload;
import dev.meshdeck.core.validation.rules.security.AuthzNeedsMtls;
import dev.meshdeck.core.validation.rules.security.DestinationRuleDisablesStrictMtls;
import dev.meshdeck.core.validation.rules.security.DestinationRuleMtlsToDisabledPeer;
import dev.meshdeck.core.validation.rules.security.PeerAuthnDuplicateSelectorless;
import dev.meshdeck.core.validation.rules.security.PeerAuthnPortLevelWithoutSelector;
import dev.meshdeck.core.validation.rules.security.AuthzInvalidMethod;
import dev.meshdeck.core.validation.rules.security.AuthzUnknownConditionKey;
import dev.meshdeck.core.validation.rules.security.JwtIssuerMissing;
import dev.meshdeck.core.validation.rules.security.JwksUriInvalid;
import dev.meshdeck.core.validation.rules.security.JwksUriPlaintext;
import dev.meshdeck.core.validation.rules.security.JwksAndJwksUri;
import dev.meshdeck.core.validation.rules.security.PolicyWithoutSidecar;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyWebhook;
import dev.meshdeck.core.validation.rules.webhook.destinationrule.DestinationRuleWebhook;
import dev.meshdeck.core.validation.rules.webhook.gateway.GatewayWebhook;
import dev.meshdeck.core.validation.rules.webhook.workloadentry.WorkloadEntryWebhook;
import dev.meshdeck.core.validation.rules.webhook.workloadgroup.WorkloadGroupWebhook;
import dev.meshdeck.core.validation.rules.webhook.virtualservice.VirtualServiceWebhook;
import dev.meshdeck.core.validation.rules.webhook.exportto.ExportToWebhook;
import dev.meshdeck.core.validation.rules.webhook.serviceentry.ServiceEntryWebhook;
import dev.meshdeck.core.validation.rules.webhook.sidecar.SidecarWebhook;
import dev.meshdeck.core.validation.schema.SchemaRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The catalogue of MeshDeck's rules. Codes are stable: a retired code is never reused. */
public final class Rules {

    private Rules() {
    }

    /** The rules of an offline run: schema checks from fabric8's typed model, then every other rule. */
    public static List<Rule> defaults() {
        return withSchema(SchemaRules.offline());
    }

    /**
     * The rules with the given schema checks: {@link SchemaRules#offline()}, or {@link SchemaRules#fromCrds}
     * with the CRDs read from a cluster.
     */
    public static List<Rule> withSchema(List<Rule> schemaRules) {
        List<Rule> rules = new ArrayList<>(schemaRules);
        rules.addAll(semantic());
        rules.addAll(MonitoringRules.rules());
        rules.addAll(PolicyWebhook.rules());
        rules.addAll(DestinationRuleWebhook.rules());
        rules.addAll(GatewayWebhook.rules());
        rules.addAll(WorkloadEntryWebhook.rules());
        rules.addAll(WorkloadGroupWebhook.rules());
        rules.addAll(VirtualServiceWebhook.rules());
        rules.addAll(ServiceEntryWebhook.rules());
        rules.addAll(SidecarWebhook.rules());
        rules.addAll(ExportToWebhook.rules());
        rules.addAll(ConfigChecks.rules());
        rules.addAll(ScalingChecks.rules());
        return List.copyOf(rules);
    }

    private static List<Rule> semantic() {
        return List.of(
                new SubsetNotFound(),
                new WeightsNotHundred(),
                new NegativeWeight(),
                new AllZeroWeights(),
                new AuthzNamespaceNotFound(),
                new AuthzSelectorNoWorkload(),
                new AuthzPrincipalNotFound(),
                new AuthnSelectorNoWorkload(),
                new AuthzNeedsMtls(),
                new DestinationRuleDisablesStrictMtls(),
                new DestinationRuleMtlsToDisabledPeer(),
                new PeerAuthnDuplicateSelectorless(),
                new PeerAuthnPortLevelWithoutSelector(),
                new AuthzInvalidMethod(),
                new AuthzUnknownConditionKey(),
                new JwtIssuerMissing(),
                new JwksUriInvalid(),
                new JwksUriPlaintext(),
                new JwksAndJwksUri(),
                new PolicyWithoutSidecar(),
                new KnativeTrafficNotHundred(),
                new KnativePercentOutOfRange(),
                new KnativeDuplicateTag(),
                new KnativeLatestRevisionConflict(),
                new KnativeRevisionNotFound(),
                new LambdaAliasUnpublishedVersion(),
                new LambdaAliasTooManyVersions(),
                new LambdaAliasWeightOutOfRange(),
                new LambdaAliasRoutesToPrimary(),
                new LambdaProvisionedConcurrencyInvalid(),
                new CloudRunTrafficNotHundred(),
                new CloudRunTagInvalid(),
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
                new GatewayCredentialInvalid(),
                new SidecarSelectorInRootNamespace(),
                new SidecarSelectorNoWorkload(),
                new SidecarDuplicateSelectorless(),
                new SidecarSelectorsOverlap(),
                new SidecarEgressHostNotFound(),
                new ServiceEntryDuplicateHostPort(),
                new ServiceEntryProtocolConflict(),
                new ExportToNamespaceNotFound(),
                new RepeatedRouteDestination(),
                new DottedHostNotInRegistry());
    }

    /** Every code MeshDeck can report, including those of input reading, sorted by code. */
    public static List<RuleInfo> catalogue() {
        List<RuleInfo> all = new ArrayList<>();
        all.add(ValidationInput.SYNTAX);
        all.add(ValidationInput.NOT_AN_OBJECT);
        all.add(LiveEstate.UNREADABLE);
        // run by validate --context only, with the context's Prometheus
        all.add(dev.meshdeck.core.validation.rules.monitoring.RuleSelectsNoSeries.INFO);
        defaults().forEach(r -> all.add(r.info()));
        all.sort(Comparator.comparing(RuleInfo::code));
        return all;
    }

    /** The Markdown table of docs/validation-codes.md. */
    public static String markdownTable() {
        return markdownTable(catalogue());
    }

    /** A Markdown table of rules, as docs/validation-codes.md lists them (also for catalogues run apart). */
    public static String markdownTable(List<RuleInfo> rules) {
        StringBuilder s = new StringBuilder("| code | severity | category | what it finds | istioctl | Kiali |\n");
        s.append("|---|---|---|---|---|---|\n");
        for (RuleInfo r : rules) {
            s.append("| ").append(r.code()).append(" | ").append(r.severity().label()).append(" | ")
                    .append(r.category().label()).append(" | ").append(r.title()).append(" | ")
                    .append(r.istioCode().orElse("")).append(" | ").append(r.kialiCode().orElse("")).append(" |\n");
        }
        return s.toString();
    }
}
