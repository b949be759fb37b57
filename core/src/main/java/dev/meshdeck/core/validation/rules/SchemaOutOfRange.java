package dev.meshdeck.core.validation.rules;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.schema.SchemaCheck;
import dev.meshdeck.core.validation.schema.SchemaFindingRule;
import dev.meshdeck.core.validation.schema.ViolationType;

/** A number, string length, list or map size outside the bounds of the schema (ports, percentages, minLength). */
public final class SchemaOutOfRange extends SchemaFindingRule {

    public static final RuleInfo INFO = RuleInfo.of("MD0103", Severity.ERROR, Category.SCHEMA,
            "value, length or count out of range").istio("IST0106");

    public SchemaOutOfRange(SchemaCheck check) {
        super(check, ViolationType.OUT_OF_RANGE);
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
