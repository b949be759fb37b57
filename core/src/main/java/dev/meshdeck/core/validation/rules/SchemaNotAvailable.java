package dev.meshdeck.core.validation.rules;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.schema.SchemaCheck;
import dev.meshdeck.core.validation.schema.SchemaFindingRule;
import dev.meshdeck.core.validation.schema.ViolationType;

/** A known kind (OpenFaaS, Kubeless, RBAC, ...) for which neither the cluster's CRDs nor the typed model give a schema. */
public final class SchemaNotAvailable extends SchemaFindingRule {

    public static final RuleInfo INFO = RuleInfo.of("MD0005", Severity.INFO, Category.SCHEMA,
            "known kind without a schema in this mode: fields not validated");

    public SchemaNotAvailable(SchemaCheck check) {
        super(check, ViolationType.NO_SCHEMA);
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
