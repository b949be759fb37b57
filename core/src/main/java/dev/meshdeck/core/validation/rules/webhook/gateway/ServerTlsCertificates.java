package dev.meshdeck.core.validation.rules.webhook.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.List;

/**
 * Server certificates istiod rejects (Istio's validateTLSOptions): certificates with ISTIO_MUTUAL (it uses the
 * mesh's own), more than one certificate source, SIMPLE/MUTUAL without a certificate and key (unless a
 * credentialName provides them), MUTUAL without a client CA bundle, or a CRL with SIMPLE or credentialName.
 */
public final class ServerTlsCertificates implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0538", Severity.ERROR, Category.SEMANTIC,
            "Gateway server TLS certificates missing or contradictory").istio("IST0106");

    private static final List<String> ISTIO_MUTUAL_FORBIDS = List.of("serverCertificate", "privateKey",
            "caCertificates", "tlsCertificates", "credentialName", "credentialNames");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        Servers.each(context, server -> {
            if (server.hasTls()) {
                check(server, server.tls(), server.pointer() + "/tls", findings);
            }
        });
    }

    private static void check(Servers.Server server, JsonNode tls, String at, Findings findings) {
        String mode = tls.path("mode").asText("PASSTHROUGH");
        if (mode.equals("ISTIO_MUTUAL")) {
            for (String field : ISTIO_MUTUAL_FORBIDS) {
                if (set(tls, field)) {
                    findings.report(INFO, server.gateway(), at + "/" + field, "ISTIO_MUTUAL TLS cannot have an "
                            + "associated " + field + ": it uses the mesh's own certificates. Remove it");
                }
            }
            return;
        }
        int sources = (set(tls, "serverCertificate") && set(tls, "privateKey") ? 1 : 0) + (set(tls, "credentialName") ? 1 : 0)
                + (set(tls, "credentialNames") ? 1 : 0) + (set(tls, "tlsCertificates") ? 1 : 0);
        if (sources > 1) {
            findings.report(INFO, server.gateway(), at, "only one of credentialName, credentialNames, "
                    + "serverCertificate/privateKey, tlsCertificates should be specified");
        }
        boolean terminates = mode.equals("SIMPLE") || mode.equals("MUTUAL") || mode.equals("OPTIONAL_MUTUAL");
        if (terminates && !(set(tls, "credentialName") || set(tls, "credentialNames"))) {
            String prefix = mode.equals("SIMPLE") ? "SIMPLE TLS" : "MUTUAL TLS";
            if (!mode.equals("SIMPLE") && !set(tls, "caCertificates")) {
                findings.report(INFO, server.gateway(), at + "/mode", prefix + " requires a client CA bundle "
                        + "(caCertificates) to verify clients");
            }
            certificates(server, tls, at, prefix, findings);
        } else if (terminates) {
            // the credential's Secret provides certificate, key and CA, and may carry the CRL
            return;
        }
        if (set(tls, "caCrl") && set(tls, "credentialName")) {
            findings.report(INFO, server.gateway(), at + "/caCrl",
                    "CRL is not supported with credentialName: put the CRL in the credential's Secret");
        }
        if (set(tls, "caCrl") && mode.equals("SIMPLE")) {
            findings.report(INFO, server.gateway(), at + "/caCrl", "CRL is not supported with SIMPLE TLS: a CRL "
                    + "revokes client certificates, which only MUTUAL TLS asks for");
        }
    }

    private static void certificates(Servers.Server server, JsonNode tls, String at, String prefix, Findings findings) {
        JsonNode list = tls.path("tlsCertificates");
        if (list.size() == 0) {
            missing(server, tls, at + "/mode", prefix, findings);
        }
        for (int i = 0; i < list.size(); i++) {
            missing(server, list.get(i), at + "/tlsCertificates/" + i, prefix, findings);
        }
    }

    private static void missing(Servers.Server server, JsonNode certificate, String at, String prefix, Findings findings) {
        if (!set(certificate, "serverCertificate")) {
            findings.report(INFO, server.gateway(), at, prefix + " requires a server certificate (serverCertificate, "
                    + "or a credentialName naming the Secret that holds it)");
        }
        if (!set(certificate, "privateKey")) {
            findings.report(INFO, server.gateway(), at, prefix + " requires a private key (privateKey, or a "
                    + "credentialName naming the Secret that holds it)");
        }
    }

    /** A non-empty string or list: protobuf cannot tell an empty value from an absent one. */
    static boolean set(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        return value.isArray() ? value.size() > 0 : !value.asText("").isEmpty();
    }
}
