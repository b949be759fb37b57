package dev.meshdeck.core.validation.rules;

import java.util.Date;
import java.util.Optional;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** An Istio Gateway server whose TLS credential Secret exists but cannot serve: missing cert/key entries, a certificate that does not parse, or one that is expired or not yet valid. */
public final class GatewayCredentialInvalid implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0313", Severity.ERROR, Category.REFERENCE,
            "Gateway TLS credential Secret invalid").istio("IST0161");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        MeshIndex mesh = MeshIndex.of(context);
        Date now = new Date();
        for (Resource gw : context.ofKind("Gateway")) {
            if (!gw.candidate() || !GatewaySelectorMatchesNoWorkload.isIstioGateway(gw)) {
                continue;
            }
            for (GatewayCredentials.Credential c : GatewayCredentials.of(gw, mesh)) {
                Optional<String> problem = c.secret() == null ? Optional.empty() : GatewayCredentials.problem(c.secret(), now);
                problem.ifPresent(p -> findings.report(INFO, gw, c.pointer(), "Secret " + c.secretName() + " cannot serve as the TLS credential: " + p
                        + "; TLS to this server will fail. Store a valid PEM certificate and key under tls.crt/tls.key"));
            }
        }
    }
}
