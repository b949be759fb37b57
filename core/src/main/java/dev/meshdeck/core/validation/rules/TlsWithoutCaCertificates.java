package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** A DestinationRule with TLS mode SIMPLE or MUTUAL but no caCertificates: the server certificate is not verified (a credentialName counts only with a workloadSelector, as Istio reads it). */
public final class TlsWithoutCaCertificates implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0208", Severity.WARNING, Category.SEMANTIC,
            "DestinationRule TLS without server certificate verification").istio("IST0128");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource dr : context.ofKind("DestinationRule")) {
            JsonNode tls = dr.spec().path("trafficPolicy").path("tls");
            if (dr.candidate() && unverified(tls, dr)) {
                findings.report(INFO, dr, "/spec/trafficPolicy/tls/mode", "TLS mode " + tls.path("mode").asText()
                        + " without caCertificates does not verify the certificate of " + dr.spec().path("host").asText("")
                        + "; set trafficPolicy.tls.caCertificates (or a credentialName with a workloadSelector)");
            }
        }
    }

    /** SIMPLE or MUTUAL TLS that verifies nothing: no caCertificates, and not a credentialName scoped by workloadSelector. */
    static boolean unverified(JsonNode tls, Resource dr) {
        String mode = tls.path("mode").asText("");
        if (!mode.equals("SIMPLE") && !mode.equals("MUTUAL")) {
            return false;
        }
        boolean credentialWithSelector = !tls.path("credentialName").asText("").isEmpty() && dr.spec().has("workloadSelector");
        return tls.path("caCertificates").asText("").isEmpty() && !credentialWithSelector;
    }
}
