package dev.meshdeck.core.validation.rules;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.schema.SchemaCheck;
import dev.meshdeck.core.validation.schema.SchemaFindingRule;
import dev.meshdeck.core.validation.schema.ViolationType;

/** A string that is not a valid duration (at least 1ms), URL or does not match the field's pattern. */
public final class SchemaInvalidFormat extends SchemaFindingRule {

    public static final RuleInfo INFO = RuleInfo.of("MD0104", Severity.ERROR, Category.SCHEMA,
            "value has an invalid format (duration, URL, pattern)").istio("IST0106");

    public SchemaInvalidFormat(SchemaCheck check) {
        super(check, ViolationType.INVALID_FORMAT);
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
