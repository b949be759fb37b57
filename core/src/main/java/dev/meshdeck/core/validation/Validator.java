package dev.meshdeck.core.validation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs a set of rules over a context and returns the findings in a stable order. */
public final class Validator {

    /** File, then line, then column; findings without a position after those with one. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.position().map(p -> p.file()).orElse("\uffff"))
            .thenComparingInt(f -> f.position().map(p -> p.line()).orElse(Integer.MAX_VALUE))
            .thenComparingInt(f -> f.position().map(p -> p.column()).orElse(Integer.MAX_VALUE))
            .thenComparing(Finding::code)
            .thenComparing(f -> f.resource().toString());

    private final List<Rule> rules;

    public Validator(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Finding> validate(ValidationContext context) {
        // Rules only read the context (and its synchronized index cache), so they run side by side.
        List<Finding> sorted = new ArrayList<>(rules.parallelStream().flatMap(rule -> {
            Findings findings = new Findings();
            rule.check(context, findings);
            return findings.all().stream();
        }).toList());
        sorted.sort(ORDER);
        return sorted;
    }
}
