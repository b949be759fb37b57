package dev.meshdeck.core.validation.rules;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.schema.SchemaCheck;
import dev.meshdeck.core.validation.schema.SchemaFindingRule;
import dev.meshdeck.core.validation.schema.ViolationType;

/** A field the schema does not define. The API server prunes it silently, so a typo such as spec.htpp disables what the author meant. */
public final class UnknownField extends SchemaFindingRule {

    public static final RuleInfo INFO = RuleInfo.of("MD0106", Severity.WARNING, Category.SCHEMA,
            "unknown field: the API server would drop it");

    public UnknownField(SchemaCheck check) {
        super(check, ViolationType.UNKNOWN_FIELD);
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
