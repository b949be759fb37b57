package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.virtualservice.VirtualServiceParts.Part;

/** A fault abort without httpStatus, grpcStatus or http2Error: Istio admits it, but it aborts nothing. */
public final class FaultAbortWithoutErrorType implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0414", Severity.WARNING, Category.SEMANTIC,
            "HTTP fault abort without an error type");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        VirtualServiceParts.forEachHttpField(context, "fault", (route, fault) -> {
            Part abort = fault.child("abort");
            if (fault.has("abort") && !abort.has("httpStatus") && !abort.has("grpcStatus") && !abort.has("http2Error")) {
                findings.report(INFO, route.vs(), abort.pointer(),
                        "abort configured, but error type not set: add httpStatus (e.g. 503) or grpcStatus");
            }
        });
    }
}
