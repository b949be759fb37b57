package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** A direct response body over 100 KB: admitted, but pushed to every proxy with each route update. */
public final class LargeDirectResponse implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0419", Severity.WARNING, Category.SEMANTIC,
            "HTTP direct response body over 100 KB");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        VirtualServiceParts.forEachHttpField(context, "directResponse", (route, response) -> {
            long size = DirectResponse.bodySize(response);
            if (size > 100 * DirectResponse.KB && size <= DirectResponse.MB) {
                findings.report(INFO, route.vs(), response.pointer() + "/body", "large direct_responses "
                        + "may impact control plane performance (" + size / DirectResponse.KB + " KB; every proxy holds it)");
            }
        });
    }
}
