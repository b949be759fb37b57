package dev.meshdeck.core.validation.rules;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.schema.SchemaCheck;
import dev.meshdeck.core.validation.schema.SchemaFindingRule;
import dev.meshdeck.core.validation.schema.ViolationType;

/** An enum field holds a value the schema does not list (e.g. a TLS mode "SIMPLEX"). */
public final class SchemaUnsupportedValue extends SchemaFindingRule {

    public static final RuleInfo INFO = RuleInfo.of("MD0101", Severity.ERROR, Category.SCHEMA,
            "value not in the field's enum").istio("IST0106");

    public SchemaUnsupportedValue(SchemaCheck check) {
        super(check, ViolationType.UNSUPPORTED_VALUE);
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
