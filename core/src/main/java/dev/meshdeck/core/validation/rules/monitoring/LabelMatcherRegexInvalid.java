package dev.meshdeck.core.validation.rules.monitoring;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.meshdeck.core.monitoring.LabelMatcher;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * The regex of a {@code =~} or {@code !~} label matcher is not RE2 (Go's regexp, which Prometheus uses):
 * {@code "*.serverless.svc.cluster.local"} is a glob, not a regex, and Prometheus refuses the rule group.
 */
public final class LabelMatcherRegexInvalid implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0802", Severity.ERROR, Category.SCHEMA,
            "label matcher regex is not valid RE2");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (MonitoringObjects.PromRule r : MonitoringObjects.rules(context)) {
            r.expression(context).ifPresent(e -> {
                for (LabelMatcher m : e.matchers()) {
                    if (!m.op().regex()) {
                        continue;
                    }
                    try {
                        // Prometheus anchors matcher regexes at both ends
                        Pattern.compile("^(?:" + m.value() + ")$");
                    } catch (PatternSyntaxException bad) {
                        findings.reportAt(INFO, r.owner(), r.exprPointer(), r.positionIn(m.valueAt()),
                                "regex of " + m.label() + m.op().symbol() + "\"" + m.value() + "\" in " + r.describe()
                                        + " is not valid RE2 (" + bad.getDescription() + ")"
                                        + (m.value().startsWith("*") ? "; a leading * is a glob: write \".*" + m.value().substring(1) + "\"" : "")
                                        + "; Prometheus refuses the whole rule group");
                    }
                }
            });
        }
    }
}
