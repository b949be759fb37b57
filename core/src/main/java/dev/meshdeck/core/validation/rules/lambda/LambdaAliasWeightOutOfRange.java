package dev.meshdeck.core.validation.rules.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.Iterator;
import java.util.Map;

/** A Lambda alias version weight is a fraction from 0.0 to 1.0 (not a percentage). */
public final class LambdaAliasWeightOutOfRange implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0242", Severity.ERROR, Category.SEMANTIC,
            "Lambda alias version weight outside 0.0..1.0");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource alias : LambdaAliases.candidates(context)) {
            Iterator<Map.Entry<String, JsonNode>> it = LambdaAliases.weights(alias).fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode w = e.getValue();
                if (!w.isNumber() || w.asDouble() < 0.0 || w.asDouble() > 1.0) {
                    String hint = w.isNumber() && w.asDouble() > 1.0 && w.asDouble() <= 100.0
                            ? " (it is a fraction, not a percentage: " + w.asText() + "% is " + w.asDouble() / 100 + ")" : "";
                    findings.report(INFO, alias, "/spec/routingConfig/additionalVersionWeights/" + LambdaAliases.token(e.getKey()),
                            "weight " + w.asText() + " for version \"" + e.getKey() + "\" must be a number from 0.0 to 1.0"
                                    + hint);
                }
            }
        }
    }
}
