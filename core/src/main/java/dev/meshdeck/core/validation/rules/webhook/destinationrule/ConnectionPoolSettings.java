package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * A connection pool istiod rejects (Istio's validateConnectionPool): one with neither tcp nor http settings, a
 * negative limit, a duration finer than whole milliseconds, or an HTTP/2 keepalive without its interval or timeout.
 */
public final class ConnectionPoolSettings implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0507", Severity.ERROR, Category.SCHEMA,
            "DestinationRule connection pool setting invalid").istio("IST0106");

    private static final String[] HTTP_COUNTS = {"http1MaxPendingRequests", "http2MaxRequests",
        "maxRequestsPerConnection", "maxRetries", "maxConcurrentStreams"};

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        DestinationRules.eachPolicy(context, policy -> {
            JsonNode pool = policy.get("connectionPool");
            if (!pool.isObject()) {
                return;
            }
            String at = policy.at("/connectionPool");
            if (!DestinationRules.isSet(pool, "http") && !DestinationRules.isSet(pool, "tcp")) {
                findings.report(INFO, policy.rule(), at,
                        "connection pool must have at least one field: set tcp or http limits, or remove it");
                return;
            }
            http(policy, pool.path("http"), at + "/http", findings);
            tcp(policy, pool.path("tcp"), at + "/tcp", findings);
        });
    }

    private static void http(DestinationRules.Policy policy, JsonNode http, String at, Findings findings) {
        for (String count : HTTP_COUNTS) {
            negative(policy, http, count, at, findings);
        }
        millis(policy, http, "idleTimeout", at, findings);
        JsonNode keepalive = http.path("http2KeepAlive");
        if (keepalive.isObject()) {
            for (String field : new String[] {"interval", "timeout"}) {
                if (!DestinationRules.isSet(keepalive, field)) {
                    findings.report(INFO, policy.rule(), at + "/http2KeepAlive",
                            "http2 keepalive " + field + " is required when http2KeepAlive is set");
                }
                millis(policy, keepalive, field, at + "/http2KeepAlive", findings);
            }
        }
    }

    private static void tcp(DestinationRules.Policy policy, JsonNode tcp, String at, Findings findings) {
        negative(policy, tcp, "maxConnections", at, findings);
        millis(policy, tcp, "connectTimeout", at, findings);
        millis(policy, tcp, "maxConnectionDuration", at, findings);
        // "0s" switches the TCP idle timeout off (Istio skips its check): it is not a too-short duration
        millis(policy, tcp, "idleTimeout", at, findings);
        millis(policy, tcp.path("tcpKeepalive"), "time", at + "/tcpKeepalive", findings);
        millis(policy, tcp.path("tcpKeepalive"), "interval", at + "/tcpKeepalive", findings);
    }

    private static void negative(DestinationRules.Policy policy, JsonNode parent, String field, String at,
            Findings findings) {
        if (DestinationRules.negative(parent, field)) {
            findings.report(INFO, policy.rule(), at + "/" + field, field + " is " + parent.path(field).asText()
                    + " but must be non-negative");
        }
    }

    private static void millis(DestinationRules.Policy policy, JsonNode parent, String field, String at,
            Findings findings) {
        DestinationRules.wholeMillis(parent.path(field)).ifPresent(problem -> findings.report(INFO, policy.rule(),
                at + "/" + field, field + " \"" + parent.path(field).asText() + "\": " + problem + " (e.g. 2s or 250ms)"));
    }
}
