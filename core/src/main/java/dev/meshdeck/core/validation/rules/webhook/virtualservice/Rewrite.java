package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.virtualservice.VirtualServiceParts.Part;
import java.util.Optional;

/**
 * A rewrite Envoy cannot apply: both uri and uriRegexRewrite, nothing to rewrite, a uriRegexRewrite without match
 * or rewrite, or whose match is not a valid RE2 regex.
 */
public final class Rewrite implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0421", Severity.ERROR, Category.SCHEMA,
            "HTTP rewrite with nothing to rewrite, uri and uriRegexRewrite together, or an invalid uriRegexRewrite")
            .istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        VirtualServiceParts.forEachHttpField(context, "rewrite", (route, rewrite) -> problem(rewrite)
                .ifPresent(p -> findings.report(INFO, route.vs(), rewrite.pointer(), p)));
    }

    private static Optional<String> problem(Part rewrite) {
        boolean uri = !rewrite.text("uri").isEmpty();
        boolean regex = rewrite.has("uriRegexRewrite");
        if (uri && regex) {
            return Optional.of("rewrite may only contain one of URI or UriRegexRewrite");
        }
        if (!uri && !regex && rewrite.text("authority").isEmpty()) {
            return Optional.of("rewrite must specify at least one of URI, UriRegexRewrite, or authority");
        }
        if (!regex) {
            return Optional.empty();
        }
        Part regexRewrite = rewrite.child("uriRegexRewrite");
        if (regexRewrite.text("match").isEmpty() || regexRewrite.text("rewrite").isEmpty()) {
            return Optional.of("UriRegexRewrite requires both Rewrite and Match fields to be specified");
        }
        return MatchStrings.regex(regexRewrite.text("match")).map(p -> "UriRegexRewrite has errors: "
                + "\"HTTPRewrite.UriRegexRewrite.Match\": " + p);
    }
}
