package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.rules.webhook.virtualservice.VirtualServiceParts.Part;
import java.util.Optional;
import java.util.Set;

/**
 * A fault injection Envoy cannot apply: neither abort nor delay, a percentage outside 0 or 0.0001..100, an HTTP
 * status outside 200..600, an unknown gRPC status, an HTTP/2 error or an exponential delay (both unsupported), a
 * fixed delay finer than milliseconds.
 */
public final class FaultInjection implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0413", Severity.ERROR, Category.SCHEMA,
            "HTTP fault injection without abort or delay, or with an invalid percentage, status or delay").istio("IST0106");

    /** gRPC status names (https://github.com/grpc/grpc/blob/master/doc/statuscodes.md), as Istio accepts them. */
    private static final Set<String> GRPC_STATUSES = Set.of("OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT",
            "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED",
            "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
            "UNAUTHENTICATED");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        VirtualServiceParts.forEachHttpField(context, "fault", (route, fault) -> {
            if (!fault.has("abort") && !fault.has("delay")) {
                findings.report(INFO, route.vs(), fault.pointer(), "HTTP fault injection must have an abort and/or a delay");
            }
            if (fault.has("abort")) {
                Part abort = fault.child("abort");
                percentage(findings, abort);
                if (abort.has("grpcStatus") && !GRPC_STATUSES.contains(abort.text("grpcStatus"))) {
                    findings.report(INFO, route.vs(), abort.pointer() + "/grpcStatus", "gRPC status \""
                            + abort.text("grpcStatus") + "\" is not supported; use a name such as NOT_FOUND or UNAVAILABLE");
                } else if (abort.has("http2Error")) {
                    findings.report(INFO, route.vs(), abort.pointer() + "/http2Error",
                            "HTTP/2 abort fault injection not supported yet: use httpStatus or grpcStatus");
                } else if (abort.has("httpStatus")) {
                    DirectResponse.httpStatus(abort.node().path("httpStatus").asLong()).ifPresent(p ->
                            findings.report(INFO, route.vs(), abort.pointer() + "/httpStatus", p));
                }
            }
            if (fault.has("delay")) {
                Part delay = fault.child("delay");
                percentage(findings, delay);
                VirtualServiceParts.subMillisecond(delay.text("fixedDelay")).ifPresent(p ->
                        findings.report(INFO, route.vs(), delay.pointer() + "/fixedDelay", p));
                if (delay.has("exponentialDelay")) {
                    findings.report(INFO, route.vs(), delay.pointer() + "/exponentialDelay",
                            "exponentialDelay not supported yet: use fixedDelay");
                }
            }
        });
    }

    private static void percentage(Findings findings, Part faultPart) {
        JsonNode value = faultPart.node().path("percentage").path("value");
        if (value.isNumber()) {
            problem(value.asDouble()).ifPresent(p -> findings.report(INFO, faultPart.vs(),
                    faultPart.pointer() + "/percentage/value", p));
        }
    }

    /** Istio's fractional percentage: 0, or 0.0001 to 100. */
    static Optional<String> problem(double percent) {
        return percent < 0 || percent > 100 || percent > 0 && percent < 0.0001
                ? Optional.of("percentage " + percent + " is neither 0.0, nor in range [0.0001, 100.0]") : Optional.empty();
    }
}
