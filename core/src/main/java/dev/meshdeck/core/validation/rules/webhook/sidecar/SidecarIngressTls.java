package dev.meshdeck.core.validation.rules.webhook.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.rules.webhook.IstioProtocol;
import dev.meshdeck.core.validation.rules.webhook.ObjectCheck;
import java.util.List;
import java.util.Optional;

/**
 * TLS on a Sidecar ingress listener that Istio rejects: settings only a Gateway supports (subjectAltNames,
 * httpsRedirect, credentialName(s), tlsCertificates, ISTIO_MUTUAL or AUTO_PASSTHROUGH), or TLS on a port whose
 * protocol is not HTTPS or TLS.
 */
public final class SidecarIngressTls extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0584", Severity.ERROR, Category.SEMANTIC,
            "Sidecar ingress TLS setting not supported").istio("IST0106");

    /** Fields of ServerTLSSettings only a Gateway supports. */
    private static final List<String> GATEWAY_ONLY = List.of("subjectAltNames", "httpsRedirect", "credentialName",
            "credentialNames", "tlsCertificates");

    public SidecarIngressTls() {
        super(INFO, "Sidecar");
    }

    @Override
    protected void check(Resource sidecar, Findings findings) {
        JsonNode ingress = sidecar.spec().path("ingress");
        for (int i = 0; i < ingress.size(); i++) {
            JsonNode tls = ingress.get(i).path("tls");
            if (!tls.isObject() || !ingress.get(i).path("port").isObject()) {
                continue;
            }
            String at = "/spec/ingress/" + i + "/tls";
            for (String field : GATEWAY_ONLY) {
                JsonNode value = tls.path(field);
                if (value.isBoolean() ? value.asBoolean() : value.size() > 0 || value.isTextual() && !value.asText().isEmpty()) {
                    findings.report(INFO, sidecar, at + "/" + field, field
                            + " is not supported in a Sidecar's ingress TLS, only in a Gateway's");
                }
            }
            String mode = tls.path("mode").asText("");
            if (mode.equals("ISTIO_MUTUAL") || mode.equals("AUTO_PASSTHROUGH")) {
                findings.report(INFO, sidecar, at + "/mode", "mode " + mode + " cannot be set in a Sidecar's ingress "
                        + "TLS: use SIMPLE or MUTUAL with the workload's own certificate");
            }
            Optional<IstioProtocol> protocol = IstioProtocol.parse(ingress.get(i).path("port").path("protocol").asText(""));
            if (protocol.isEmpty() || !protocol.get().isTls()) {
                findings.report(INFO, sidecar, at, "TLS settings need a port whose protocol is HTTPS or TLS");
            }
        }
    }
}
