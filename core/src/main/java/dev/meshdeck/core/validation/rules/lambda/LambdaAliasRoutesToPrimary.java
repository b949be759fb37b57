package dev.meshdeck.core.validation.rules.lambda;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** The additional version of a Lambda alias is its own primary version: Lambda rejects it, and it would split nothing. */
public final class LambdaAliasRoutesToPrimary implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0243", Severity.ERROR, Category.SEMANTIC,
            "Lambda alias additional version equals its primary version");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource alias : LambdaAliases.candidates(context)) {
            String primary = alias.spec().path("functionVersion").asText("");
            if (!primary.isEmpty() && LambdaAliases.weights(alias).has(primary)) {
                findings.report(INFO, alias, "/spec/routingConfig/additionalVersionWeights/" + LambdaAliases.token(primary),
                        "version \"" + primary + "\" is already the alias's functionVersion: the additional version "
                                + "must be a different published version (the canary), e.g. the next one");
            }
        }
    }
}
