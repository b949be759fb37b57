package dev.meshdeck.core.validation.rules;


import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** An Istio Gateway server whose tls.credentialName names no Secret in the namespace of the gateway pods: the listener has no certificate and TLS handshakes fail. */
public final class GatewayCredentialNotFound implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0312", Severity.ERROR, Category.REFERENCE,
            "Gateway TLS credential Secret not found").istio("IST0101");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        MeshIndex mesh = MeshIndex.of(context);
        if (!mesh.knowsWorkloads() || !mesh.knowsSecrets()) {
            return;
        }
        for (Resource gw : context.ofKind("Gateway")) {
            if (!gw.candidate() || !GatewaySelectorMatchesNoWorkload.isIstioGateway(gw)) {
                continue;
            }
            for (GatewayCredentials.Credential c : GatewayCredentials.of(gw, mesh)) {
                if (c.secret() == null) {
                    findings.report(INFO, gw, c.pointer(), "credentialName \"" + c.name() + "\" names no Secret " + c.secretName()
                            + "; gateways read it from the namespace of their pods, not of the Gateway. Create the Secret there");
                }
            }
        }
    }
}
