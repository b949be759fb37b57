package dev.meshdeck.core.validation.rules.lambda;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.Iterator;

/**
 * A weighted Lambda alias must split between published versions: neither the primary {@code functionVersion} nor
 * the additional version may be {@code $LATEST} (or anything but a version number). Without routing, an alias may
 * point at {@code $LATEST}.
 */
public final class LambdaAliasUnpublishedVersion implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0240", Severity.ERROR, Category.SEMANTIC,
            "Lambda alias routes to an unpublished version ($LATEST)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource alias : LambdaAliases.candidates(context)) {
            String primary = alias.spec().path("functionVersion").asText("");
            boolean routed = LambdaAliases.hasRouting(alias);
            if (routed ? !LambdaAliases.published(primary) : !(primary.equals("$LATEST") || LambdaAliases.published(primary))) {
                findings.report(INFO, alias, "/spec/functionVersion", "functionVersion \"" + primary + "\" "
                        + (routed ? "cannot carry a weighted alias: both versions of a traffic split must be "
                        + "published version numbers (publish it with aws lambda publish-version)"
                        : "is neither a published version number nor $LATEST"));
            }
            Iterator<String> versions = LambdaAliases.weights(alias).fieldNames();
            while (versions.hasNext()) {
                String v = versions.next();
                if (!LambdaAliases.published(v)) {
                    findings.report(INFO, alias, "/spec/routingConfig/additionalVersionWeights/" + LambdaAliases.token(v),
                            "additional version \"" + v + "\" is not a published version: Lambda only shifts traffic "
                                    + "to published versions, never to $LATEST. Publish it and use its number");
                }
            }
        }
    }
}
