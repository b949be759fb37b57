package dev.meshdeck.core.validation;

import dev.meshdeck.core.yaml.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects findings, turning a rule's JSON pointer into a readable path and a file position. */
public final class Findings {

    private final List<Finding> found = new ArrayList<>();

    /**
     * Reports a finding of {@code rule} on {@code resource} at the field {@code pointer} (JSON pointer,
     * "" for the whole object). Findings on live (non-candidate) objects are dropped: they are context.
     */
    public void report(RuleInfo rule, Resource resource, String pointer, String message) {
        reportAt(rule, resource, pointer, Optional.empty(), message);
    }

    /**
     * Reports a finding at a position computed by the rule (a place inside a field's text, such as a PromQL
     * error inside a block scalar), falling back to the field's own position.
     */
    public void reportAt(RuleInfo rule, Resource resource, String pointer, Optional<SourcePosition> position, String message) {
        if (!resource.candidate()) {
            return;
        }
        found.add(new Finding(rule.code(), rule.severity(), rule.category(), resource.ref(), JsonPointers.dotted(resource.tree(), pointer),
                position.or(() -> resource.positionOf(pointer)), message, rule.istioCode(), rule.kialiCode()));
    }

    void add(Finding finding) {
        found.add(finding);
    }

    public List<Finding> all() {
        return List.copyOf(found);
    }
}
