package dev.meshdeck.core.validation.schema;

import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.List;
import java.util.Map;

/** A rule reporting one {@link ViolationType} of a shared {@link SchemaCheck} under its own code. */
public abstract class SchemaFindingRule implements Rule {

    private final SchemaCheck check;
    private final ViolationType type;

    protected SchemaFindingRule(SchemaCheck check, ViolationType type) {
        this.check = check;
        this.type = type;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        RuleInfo info = info();
        for (Map.Entry<Resource, List<Violation>> e : check.violations(context).entrySet()) {
            for (Violation v : e.getValue()) {
                if (v.type() == type) {
                    findings.report(info, e.getKey(), v.pointer(), v.message());
                }
            }
        }
    }
}
