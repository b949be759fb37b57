package dev.meshdeck.core.validation.rules.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.Optional;

/**
 * A label or annotation of an alert whose Go template actions are not balanced ({@code {{ $value }}
 * without its {@code }}}): Prometheus refuses the rule group when it cannot parse the template.
 */
public final class AlertTemplateUnbalanced implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0804", Severity.ERROR, Category.SCHEMA,
            "alert label or annotation template has unbalanced {{ }}");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (MonitoringObjects.PromRule r : MonitoringObjects.rules(context)) {
            for (String field : new String[] {"labels", "annotations"}) {
                r.rule().path(field).fields().forEachRemaining(e -> unbalanced(e.getValue()).ifPresent(why ->
                        findings.report(INFO, r.owner(), r.pointer() + "/" + field + "/" + e.getKey(),
                                field.substring(0, field.length() - 1) + " " + e.getKey() + " of " + r.describe() + ": "
                                        + why + "; Prometheus refuses the rule group")));
            }
        }
    }

    /** Why the template's actions do not pair up, scanning {{ and }} left to right. */
    static Optional<String> unbalanced(JsonNode value) {
        String text = value.asText("");
        int open = -1;
        for (int i = 0; i + 1 < text.length(); i++) {
            if (text.startsWith("{{", i)) {
                if (open >= 0) {
                    return Optional.of("\"{{\" at offset " + i + " opens an action inside the one opened at offset " + open);
                }
                open = i;
                i++;
            } else if (text.startsWith("}}", i)) {
                if (open < 0) {
                    return Optional.of("\"}}\" at offset " + i + " closes no action");
                }
                open = -1;
                i++;
            }
        }
        return open < 0 ? Optional.empty() : Optional.of("the action opened with \"{{\" at offset " + open + " is never closed");
    }
}
