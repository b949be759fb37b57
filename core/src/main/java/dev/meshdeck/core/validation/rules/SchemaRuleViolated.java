package dev.meshdeck.core.validation.rules;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.schema.SchemaCheck;
import dev.meshdeck.core.validation.schema.SchemaFindingRule;
import dev.meshdeck.core.validation.schema.ViolationType;

/** A rule of the CRD across fields is broken, e.g. selector and targetRef both set. */
public final class SchemaRuleViolated extends SchemaFindingRule {

    public static final RuleInfo INFO = RuleInfo.of("MD0105", Severity.ERROR, Category.SCHEMA,
            "CRD validation rule violated (x-kubernetes-validations, oneOf)").istio("IST0106");

    public SchemaRuleViolated(SchemaCheck check) {
        super(check, ViolationType.RULE);
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
