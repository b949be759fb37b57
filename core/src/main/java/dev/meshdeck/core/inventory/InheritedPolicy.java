package dev.meshdeck.core.inventory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A policy that governs a function without naming it: declared for its whole namespace or the whole mesh.
 *
 * @param ref          "namespace/name"
 * @param overriddenBy the more specific policy of the same kind that takes effect instead; empty when this one
 *                     does (or, for kinds that combine, always)
 */
public record InheritedPolicy(PolicyKind kind, String ref, PolicyScope scope, Optional<String> overriddenBy) {

    public InheritedPolicy {
        if (scope == PolicyScope.FUNCTION) {
            throw new IllegalArgumentException("a policy for the function itself is not inherited: " + ref);
        }
    }

    public boolean effective() {
        return overriddenBy.isEmpty();
    }

    /** A policy of a function with where it was declared, before precedence is decided. */
    public record Scoped(PolicyKind kind, String ref, PolicyScope scope) {
    }

    /**
     * The inherited ones among the policies that apply to a function, each marked with what overrides it: for a kind
     * where the most specific wins, every policy of a wider scope than the narrowest present is overridden by the
     * first of the narrowest.
     */
    public static List<InheritedPolicy> decide(List<Scoped> applying) {
        Map<PolicyKind, Scoped> narrowest = new EnumMap<>(PolicyKind.class);
        for (Scoped s : applying) {
            narrowest.merge(s.kind(), s, (a, b) -> b.scope().compareTo(a.scope()) < 0 ? b : a);
        }
        List<InheritedPolicy> inherited = new ArrayList<>();
        for (Scoped s : applying) {
            if (s.scope() == PolicyScope.FUNCTION) {
                continue;
            }
            Scoped winner = narrowest.get(s.kind());
            Optional<String> overriddenBy = s.kind().mostSpecificWins() && winner.scope().compareTo(s.scope()) < 0
                    ? Optional.of(winner.ref()) : Optional.empty();
            inherited.add(new InheritedPolicy(s.kind(), s.ref(), s.scope(), overriddenBy));
        }
        return List.copyOf(inherited);
    }
}
