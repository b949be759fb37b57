package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** A DestinationRule port-level TLS setting with mode SIMPLE or MUTUAL but no caCertificates: the server certificate on that port is not verified. */
public final class PortTlsWithoutCaCertificates implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0209", Severity.WARNING, Category.SEMANTIC,
            "DestinationRule port TLS without server certificate verification").istio("IST0129");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource dr : context.ofKind("DestinationRule")) {
            if (!dr.candidate()) {
                continue;
            }
            JsonNode ports = dr.spec().path("trafficPolicy").path("portLevelSettings");
            for (int i = 0; i < ports.size(); i++) {
                JsonNode tls = ports.get(i).path("tls");
                if (TlsWithoutCaCertificates.unverified(tls, dr)) {
                    findings.report(INFO, dr, "/spec/trafficPolicy/portLevelSettings/" + i + "/tls/mode", "TLS mode " + tls.path("mode").asText()
                            + " on port " + ports.get(i).path("port").path("number").asText("?") + " without caCertificates does not verify the certificate of "
                            + dr.spec().path("host").asText("") + "; set caCertificates on this port setting");
                }
            }
        }
    }
}
