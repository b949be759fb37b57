package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * Client TLS credentials istiod rejects (Istio's ValidateTLS): a credentialName next to certificate files (the
 * Secret provides them), MUTUAL TLS without a client certificate or private key, or a configmap:// credential
 * outside the DestinationRule's namespace.
 */
public final class ClientTlsCredentials implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0516", Severity.ERROR, Category.SEMANTIC,
            "DestinationRule TLS credentials contradictory or incomplete").istio("IST0106");

    private static final String CONFIGMAP = "configmap://";
    private static final String[] FILES = {"clientCertificate", "caCertificates", "privateKey", "caCrl"};

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        DestinationRules.eachPolicy(context, policy -> {
            JsonNode tls = policy.get("tls");
            String at = policy.at("/tls");
            String mode = tls.path("mode").asText("");
            String credential = tls.path("credentialName").asText("");
            if (credential.startsWith(CONFIGMAP)) {
                configMap(policy, credential, at, findings);
            }
            if (!mode.equals("SIMPLE") && !mode.equals("MUTUAL")) {
                return;
            }
            if (!credential.isEmpty()) {
                for (String file : FILES) {
                    if (!tls.path(file).asText("").isEmpty()) {
                        findings.report(INFO, policy.rule(), at + "/" + file, "cannot specify " + file + " when "
                                + "credentialName is set: the certificates come from the Secret " + credential);
                    }
                }
                return;
            }
            if (mode.equals("MUTUAL")) {
                for (String file : new String[] {"clientCertificate", "privateKey"}) {
                    if (tls.path(file).asText("").isEmpty()) {
                        findings.report(INFO, policy.rule(), at + "/mode", "MUTUAL TLS requires " + file
                                + ": set it, or name a Secret with credentialName");
                    }
                }
            }
        });
    }

    private static void configMap(DestinationRules.Policy policy, String credential, String at, Findings findings) {
        String[] parts = credential.substring(CONFIGMAP.length()).split("/", -1);
        String namespace = policy.rule().namespace();
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            findings.report(INFO, policy.rule(), at + "/credentialName", "invalid configmap:// credentialName \""
                    + credential + "\": write configmap://<namespace>/<name>");
        } else if (namespace.isEmpty() || !parts[0].equals(namespace)) {
            findings.report(INFO, policy.rule(), at + "/credentialName", "invalid configmap:// credentialName: "
                    + "namespace must match the configuration namespace \"" + namespace + "\"");
        }
    }
}
