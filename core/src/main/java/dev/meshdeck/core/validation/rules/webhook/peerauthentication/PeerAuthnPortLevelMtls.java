package dev.meshdeck.core.validation.rules.webhook.peerauthentication;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;
import java.util.regex.Pattern;

/**
 * A PeerAuthentication {@code portLevelMtls} Istio's webhook refuses: written but empty, or keyed by something
 * other than a port number 1-65535. (Port-level mTLS without a selector is MD0220.)
 */
public final class PeerAuthnPortLevelMtls implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0630", Severity.ERROR, Category.SCHEMA,
            "PeerAuthentication portLevelMtls empty or keyed by an invalid port").istio("IST0106");

    private static final Pattern DIGITS = Pattern.compile("\\d{1,10}");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (PolicyNode spec : PolicyNode.specs(context, "PeerAuthentication")) {
            PolicyNode ports = spec.field("portLevelMtls");
            if (ports.node().isObject() && ports.node().isEmpty()) {
                findings.report(INFO, spec.resource(), ports.pointer(), "port level mTLS, if defined, must have at "
                        + "least one element: add a port and its mode, or remove portLevelMtls");
            }
            for (PolicyNode.Entry port : ports.entries()) {
                boolean isPort = DIGITS.matcher(port.key()).matches()
                        && IstioValues.port(Long.parseLong(port.key())).isEmpty();
                if (!isPort) {
                    findings.report(INFO, spec.resource(), port.value().pointer(), "portLevelMtls key \"" + port.key()
                            + "\" must be a port number 1..65535: the workload's port this mTLS mode applies to");
                }
            }
        }
    }
}
