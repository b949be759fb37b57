package dev.meshdeck.core.validation.rules.webhook.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * Certificates that a server ignores: any with PASSTHROUGH/AUTO_PASSTHROUGH (the backend terminates TLS), and a
 * third and further tlsCertificates (at most 2 are used). Istio admits both with a warning.
 */
public final class ServerTlsIgnoredCertificates implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0539", Severity.WARNING, Category.SEMANTIC,
            "Gateway server TLS certificates that are ignored");

    private static final String[] CERTIFICATES = {"caCrl", "serverCertificate", "privateKey", "caCertificates",
        "tlsCertificates", "credentialName", "credentialNames"};

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        Servers.each(context, server -> {
            JsonNode tls = server.tls();
            String at = server.pointer() + "/tls";
            String mode = tls.path("mode").asText("PASSTHROUGH");
            if (server.hasTls() && (mode.equals("PASSTHROUGH") || mode.equals("AUTO_PASSTHROUGH"))) {
                for (String field : CERTIFICATES) {
                    if (ServerTlsCertificates.set(tls, field)) {
                        findings.report(INFO, server.gateway(), at + "/" + field, mode + " mode does not use "
                                + "certificates, they will be ignored: the backend terminates TLS");
                        return;
                    }
                }
            }
            boolean terminates = mode.equals("SIMPLE") || mode.equals("MUTUAL") || mode.equals("OPTIONAL_MUTUAL");
            boolean credential = ServerTlsCertificates.set(tls, "credentialName") || ServerTlsCertificates.set(tls, "credentialNames");
            if (terminates && !credential && tls.path("tlsCertificates").size() > 2) {
                findings.report(INFO, server.gateway(), at + "/tlsCertificates/2", (mode.equals("SIMPLE") ? "SIMPLE"
                        : "MUTUAL") + " TLS can support up to 2 server certificates (e.g. one RSA, one ECDSA): the "
                        + "others are ignored");
            }
        });
    }
}
