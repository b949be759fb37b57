package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * An HTTP route timeout finer than milliseconds, which Envoy cannot take. (Under 1 ms, or not a duration at all, is
 * the schema's finding: the CRD's rule with --context, MeshDeck's value checks offline.)
 */
public final class HttpTimeout implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0423", Severity.ERROR, Category.SCHEMA,
            "HTTP route timeout finer than whole milliseconds").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        VirtualServiceParts.forEachHttpRoute(context, (spec, route) -> VirtualServiceParts
                .subMillisecond(route.text("timeout"))
                .ifPresent(p -> findings.report(INFO, spec.vs(), route.pointer() + "/timeout", p)));
    }
}
