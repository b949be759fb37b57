package dev.meshdeck.core.validation;

/**
 * One check. A rule reads the whole input through the context (indexed, so a rule stays linear in the
 * number of resources) and reports findings on candidate resources only.
 */
public interface Rule {

    RuleInfo info();

    void check(ValidationContext context, Findings findings);
}
