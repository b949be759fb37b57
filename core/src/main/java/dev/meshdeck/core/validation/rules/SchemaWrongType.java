package dev.meshdeck.core.validation.rules;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.schema.SchemaCheck;
import dev.meshdeck.core.validation.schema.SchemaFindingRule;
import dev.meshdeck.core.validation.schema.ViolationType;

/** A field holds a string where a number is expected, a list where an object is expected, and so on. */
public final class SchemaWrongType extends SchemaFindingRule {

    public static final RuleInfo INFO = RuleInfo.of("MD0100", Severity.ERROR, Category.SCHEMA,
            "field has the wrong type").istio("IST0106");

    public SchemaWrongType(SchemaCheck check) {
        super(check, ViolationType.WRONG_TYPE);
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
