package dev.meshdeck.core.validation.rules.lambda;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** A Lambda alias splits traffic between at most two versions: AdditionalVersionWeights holds at most one entry. */
public final class LambdaAliasTooManyVersions implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0241", Severity.ERROR, Category.SEMANTIC,
            "Lambda alias routes to more than one additional version");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource alias : LambdaAliases.candidates(context)) {
            int n = LambdaAliases.weights(alias).size();
            if (LambdaAliases.weights(alias).isObject() && n > 1) {
                findings.report(INFO, alias, "/spec/routingConfig/additionalVersionWeights", "an alias can shift "
                        + "traffic to only one additional version (AdditionalVersionWeights: at most 1 item), found " + n
                        + "; split across more versions with a second alias or a mesh route instead");
            }
        }
    }
}
