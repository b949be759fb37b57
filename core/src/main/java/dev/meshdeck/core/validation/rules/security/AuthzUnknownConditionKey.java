package dev.meshdeck.core.validation.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.List;

/**
 * A {@code when} condition key that Istio's validation rejects ({@code security.ValidateAttribute}): unknown keys,
 * the v1alpha1-only {@code destination.name}/{@code destination.user}, {@code destination.namespace} and
 * {@code destination.labels[...]} (replaced by metadata.namespace and the selector), and map keys not written
 * {@code a[b]}.
 */
public final class AuthzUnknownConditionKey implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0222", Severity.ERROR, Category.SEMANTIC,
            "AuthorizationPolicy condition key Istio does not support").istio("IST0106");

    static final List<String> PLAIN_KEYS = List.of("source.ip", "remote.ip", "source.namespace", "source.serviceAccount",
            "source.principal", "source.trustDomain", "request.auth.principal", "request.auth.audiences", "request.auth.presenter",
            "destination.ip", "destination.port", "connection.sni");
    static final List<String> MAP_KEYS = List.of("request.headers", "request.auth.claims", "experimental.envoy.filters.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource ap : context.ofKind("AuthorizationPolicy")) {
            if (!ap.candidate()) {
                continue;
            }
            JsonNode rules = ap.spec().path("rules");
            for (int i = 0; i < rules.size(); i++) {
                JsonNode when = rules.get(i).path("when");
                for (int k = 0; k < when.size(); k++) {
                    String key = when.get(k).path("key").asText("");
                    String problem = problem(key);
                    if (problem != null) {
                        findings.report(INFO, ap, "/spec/rules/" + i + "/when/" + k + "/key", problem);
                    }
                }
            }
        }
    }

    /** Istio's verdict on a key, in its words where it has them; null when the key is supported. */
    static String problem(String key) {
        if (key.isEmpty()) {
            return "`key` must not be empty";
        }
        for (String prefix : MAP_KEYS) {
            if (key.startsWith(prefix)) {
                int open = key.indexOf('[');
                boolean ok = key.endsWith("]") && open > 0 && open < key.length() - 2;
                return ok ? null : "bad key (" + key + "): should have format a[b], e.g. " + prefix.replaceAll("\\.$", "")
                        + "[name]";
            }
        }
        if (PLAIN_KEYS.contains(key)) {
            return null;
        }
        if (key.equals("destination.namespace")) {
            return "attribute destination.namespace is replaced by the metadata.namespace of the policy";
        }
        if (key.startsWith("destination.labels")) {
            return "attribute " + key + " is replaced by the workload selector (spec.selector.matchLabels)";
        }
        if (key.equals("destination.name") || key.equals("destination.user")) {
            return "deprecated attribute " + key + ": only supported in v1alpha1";
        }
        return "unknown attribute: " + key + " (supported: " + String.join(", ", PLAIN_KEYS) + ", "
                + "request.headers[...], request.auth.claims[...])";
    }
}
