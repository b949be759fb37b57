package dev.meshdeck.core.validation.rules;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.schema.SchemaCheck;
import dev.meshdeck.core.validation.schema.SchemaFindingRule;
import dev.meshdeck.core.validation.schema.ViolationType;

/** A misspelt kind or an apiVersion that does not serve the kind: the API server answers "no matches for kind". */
public final class UnknownApiVersionOrKind extends SchemaFindingRule {

    public static final RuleInfo INFO = RuleInfo.of("MD0003", Severity.ERROR, Category.SCHEMA,
            "unknown kind in a known API group, or kind not served at this apiVersion");

    public UnknownApiVersionOrKind(SchemaCheck check) {
        super(check, ViolationType.UNKNOWN_KIND);
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
