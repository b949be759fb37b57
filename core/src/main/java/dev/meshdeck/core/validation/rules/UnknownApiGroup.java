package dev.meshdeck.core.validation.rules;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.schema.SchemaCheck;
import dev.meshdeck.core.validation.schema.SchemaFindingRule;
import dev.meshdeck.core.validation.schema.ViolationType;

/** A kind of an unknown API group: nothing MeshDeck can judge, so it says its fields were not validated. */
public final class UnknownApiGroup extends SchemaFindingRule {

    public static final RuleInfo INFO = RuleInfo.of("MD0004", Severity.INFO, Category.SCHEMA,
            "kind of an API group MeshDeck does not know: not validated");

    public UnknownApiGroup(SchemaCheck check) {
        super(check, ViolationType.UNKNOWN_GROUP);
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
