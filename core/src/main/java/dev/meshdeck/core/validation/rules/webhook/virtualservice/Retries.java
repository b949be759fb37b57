package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.Set;

/**
 * A retry policy Envoy cannot apply: negative attempts, settings beside attempts 0 (which disables retries), a
 * retryOn condition Envoy does not know, or a per-try timeout or backoff finer than milliseconds.
 */
public final class Retries implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0420", Severity.ERROR, Category.SCHEMA,
            "HTTP retry policy with negative attempts, unknown retryOn condition, or settings while disabled")
            .istio("IST0106");

    /** Envoy's x-envoy-retry-on and x-envoy-retry-grpc-on conditions; HTTP status codes are accepted besides. */
    private static final Set<String> RETRY_ON = Set.of("5xx", "gateway-error", "reset", "reset-before-request",
            "connect-failure", "retriable-4xx", "refused-stream", "retriable-status-codes", "retriable-headers",
            "envoy-ratelimited", "http3-post-connect-failure", "cancelled", "deadline-exceeded", "internal",
            "resource-exhausted", "unavailable");

    /** The status codes Go's net/http names (StatusText non-empty), which Istio accepts in retryOn. */
    private static final Set<Integer> STATUS_CODES = Set.of(100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206,
            207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409,
            410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501,
            502, 503, 504, 505, 506, 507, 508, 510, 511);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        VirtualServiceParts.forEachHttpField(context, "retries", (route, retries) -> {
            long attempts = retries.node().path("attempts").asLong(0);
            if (attempts < 0) {
                findings.report(INFO, route.vs(), retries.pointer() + "/attempts",
                        "attempts cannot be negative (it is " + attempts + "); 0 disables retries");
            }
            if (attempts == 0) {
                for (String field : new String[] {"perTryTimeout", "retryOn", "retryRemoteLocalities"}) {
                    if (retries.has(field) && !(field.equals("retryOn") && retries.text(field).isEmpty())) {
                        findings.report(INFO, route.vs(), retries.pointer() + "/" + field, "http retry policy configured "
                                + "when attempts are set to 0 (disabled): set attempts, or remove " + field);
                    }
                }
            }
            for (String duration : new String[] {"perTryTimeout", "backoff"}) {
                VirtualServiceParts.subMillisecond(retries.text(duration)).ifPresent(p ->
                        findings.report(INFO, route.vs(), retries.pointer() + "/" + duration, p));
            }
            String retryOn = retries.text("retryOn");
            if (!retryOn.isEmpty()) {
                for (String condition : retryOn.split(",", -1)) {
                    if (!RETRY_ON.contains(condition) && !isStatusCode(condition)) {
                        findings.report(INFO, route.vs(), retries.pointer() + "/retryOn", "\"" + condition
                                + "\" is not a valid retryOn policy: use Envoy's conditions (5xx, gateway-error, "
                                + "connect-failure, retriable-4xx, ...) or HTTP status codes, separated by commas");
                    }
                }
            }
        });
    }

    private static boolean isStatusCode(String condition) {
        try {
            return STATUS_CODES.contains(Integer.parseInt(condition));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
