package dev.meshdeck.core.validation.rules;


import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/** A VirtualService match that never takes effect: an earlier rule has the same match, or a shorter URI prefix with the same other conditions. */
public final class IneffectiveMatch implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0207", Severity.INFO, Category.SEMANTIC,
            "VirtualService match shadowed by an earlier one").istio("IST0131");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource vs : context.ofKind("VirtualService")) {
            if (vs.candidate()) {
                for (MatchAnalysis.Ineffective i : MatchAnalysis.of(vs).ineffective) {
                    findings.report(INFO, vs, i.pointer(), "match " + i.match() + " of rule " + i.rule() + " is never used: rule "
                            + i.earlier() + " already catches these requests; reorder the rules (most specific first) or remove the match");
                }
            }
        }
    }
}
