package dev.meshdeck.core.validation.rules.webhook.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cipher suites a gateway ignores: names Envoy does not know, names listed twice, and a minimum TLS version below
 * 1.2 without the ciphers it needs (Envoy's defaults no longer include them). Istio admits them with a warning.
 */
public final class ServerCipherSuites implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0540", Severity.WARNING, Category.SEMANTIC,
            "Gateway server cipher suites ignored or missing");

    /** The cipher suites a Gateway may name (BoringSSL's, without PSK), as Istio lists them. */
    private static final Set<String> KNOWN = Set.of("ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
            "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-CHACHA20-POLY1305",
            "ECDHE-RSA-CHACHA20-POLY1305", "ECDHE-ECDSA-AES128-SHA", "ECDHE-RSA-AES128-SHA", "ECDHE-ECDSA-AES256-SHA",
            "ECDHE-RSA-AES256-SHA", "AES128-GCM-SHA256", "AES256-GCM-SHA384", "AES128-SHA", "AES256-SHA", "DES-CBC3-SHA");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        Servers.each(context, server -> {
            JsonNode tls = server.tls();
            String at = server.pointer() + "/tls";
            JsonNode suites = tls.path("cipherSuites");
            String minimum = tls.path("minProtocolVersion").asText("");
            if ((minimum.equals("TLSV1_0") || minimum.equals("TLSV1_1")) && suites.size() == 0) {
                findings.report(INFO, server.gateway(), at + "/minProtocolVersion", "TLS versions below TLSV1_2 "
                        + "need compatible cipherSuites set: the default ones no longer include them");
            }
            Set<String> invalid = new TreeSet<>();
            Set<String> seen = new HashSet<>();
            Set<String> duplicate = new TreeSet<>();
            for (JsonNode suite : suites) {
                String name = suite.asText("");
                if (!valid(name)) {
                    invalid.add(name);
                } else if (!seen.add(name)) {
                    duplicate.add(name);
                }
            }
            if (!invalid.isEmpty()) {
                findings.report(INFO, server.gateway(), at + "/cipherSuites", "ignoring invalid cipher suites: " + invalid);
            }
            if (!duplicate.isEmpty()) {
                findings.report(INFO, server.gateway(), at + "/cipherSuites", "ignoring duplicate cipher suites: " + duplicate);
            }
        });
    }

    /** Known, empty, ALL, or an expression starting with an operator such as "-" or "+" (Istio does not parse those). */
    private static boolean valid(String suite) {
        return suite.isEmpty() || suite.equals("ALL") || !Character.isLetterOrDigit(suite.charAt(0)) || KNOWN.contains(suite);
    }
}
