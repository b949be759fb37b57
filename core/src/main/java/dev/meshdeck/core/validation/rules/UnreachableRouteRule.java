package dev.meshdeck.core.validation.rules;


import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** A VirtualService rule that never receives traffic: it follows a rule without match (a catch-all), or all its matches repeat earlier ones. */
public final class UnreachableRouteRule implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0206", Severity.WARNING, Category.SEMANTIC,
            "VirtualService rule is never reached").istio("IST0130");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource vs : context.ofKind("VirtualService")) {
            if (vs.candidate()) {
                for (MatchAnalysis.Unreachable u : MatchAnalysis.of(vs).unreachable) {
                    findings.report(INFO, vs, u.pointer(), "rule " + u.rule() + " is never used: " + u.reason()
                            + "; move it before the catch-all rule, give it distinct matches, or delete it");
                }
            }
        }
    }
}
