package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.ArrayList;
import java.util.List;

/**
 * insecureSkipVerify together with a CA, credentialName (SIMPLE) or subjectAltNames: verification is both asked
 * for and switched off, so istiod rejects the DestinationRule.
 */
public final class InsecureSkipVerifyWithVerification implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0517", Severity.ERROR, Category.SEMANTIC,
            "DestinationRule insecureSkipVerify together with a CA or subjectAltNames").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        DestinationRules.eachPolicy(context, policy -> {
            JsonNode tls = policy.get("tls");
            if (!tls.path("insecureSkipVerify").asBoolean(false)) {
                return;
            }
            String mode = tls.path("mode").asText("");
            if (!mode.equals("SIMPLE") && !mode.equals("MUTUAL")) {
                return;
            }
            List<String> verifying = new ArrayList<>();
            if (!tls.path("caCertificates").asText("").isEmpty()) {
                verifying.add("caCertificates");
            }
            // with MUTUAL a credentialName may hold only the client certificate, so it does not count
            if (mode.equals("SIMPLE") && !tls.path("credentialName").asText("").isEmpty()) {
                verifying.add("credentialName");
            }
            if (tls.path("subjectAltNames").size() > 0) {
                verifying.add("subjectAltNames");
            }
            if (!verifying.isEmpty()) {
                findings.report(INFO, policy.rule(), policy.at("/tls/insecureSkipVerify"), "insecureSkipVerify: true "
                        + "switches off the server certificate verification that " + String.join(" and ", verifying)
                        + " ask for: remove insecureSkipVerify, or remove " + String.join(" and ", verifying));
            }
        });
    }
}
