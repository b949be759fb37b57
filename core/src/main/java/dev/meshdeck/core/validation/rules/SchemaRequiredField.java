package dev.meshdeck.core.validation.rules;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.schema.SchemaCheck;
import dev.meshdeck.core.validation.schema.SchemaFindingRule;
import dev.meshdeck.core.validation.schema.ViolationType;

/** A field the CRD, istiod's webhook or MeshDeck's offline checks require is missing. */
public final class SchemaRequiredField extends SchemaFindingRule {

    public static final RuleInfo INFO = RuleInfo.of("MD0102", Severity.ERROR, Category.SCHEMA,
            "required field missing").istio("IST0106");

    public SchemaRequiredField(SchemaCheck check) {
        super(check, ViolationType.REQUIRED);
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
