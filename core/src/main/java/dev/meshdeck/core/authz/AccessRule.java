package dev.meshdeck.core.authz;

import io.fabric8.istio.api.api.security.v1beta1.Rule;
import io.fabric8.istio.api.api.security.v1beta1.RuleBuilder;
import io.fabric8.istio.api.api.security.v1beta1.RuleFromBuilder;
import io.fabric8.istio.api.api.security.v1beta1.RuleToBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * One rule of an AuthorizationPolicy: a request matches when it matches any {@code from}, any {@code to}
 * and every {@code when}. Empty lists match everything.
 */
public record AccessRule(List<RequestSource> from, List<RequestOperation> to, List<RequestCondition> when) {

    public AccessRule {
        from = from == null ? List.of() : List.copyOf(from);
        to = to == null ? List.of() : List.copyOf(to);
        when = when == null ? List.of() : List.copyOf(when);
    }

    public static AccessRule anyRequest() {
        return new AccessRule(List.of(), List.of(), List.of());
    }

    public AccessRule withSource(RequestSource source) {
        return new AccessRule(append(from, source), to, when);
    }

    public AccessRule withOperation(RequestOperation operation) {
        return new AccessRule(from, append(to, operation), when);
    }

    public AccessRule withCondition(RequestCondition condition) {
        return new AccessRule(from, to, append(when, condition));
    }

    public Rule toFabric8() {
        RuleBuilder b = new RuleBuilder();
        from.forEach(s -> b.addToFrom(new RuleFromBuilder().withSource(s.toFabric8()).build()));
        to.forEach(o -> b.addToTo(new RuleToBuilder().withOperation(o.toFabric8()).build()));
        when.forEach(c -> b.addToWhen(c.toFabric8()));
        return b.build();
    }

    public static AccessRule from(Rule r) {
        List<RequestSource> from = r.getFrom() == null ? List.of() : r.getFrom().stream()
                .filter(f -> f.getSource() != null).map(f -> RequestSource.from(f.getSource())).toList();
        List<RequestOperation> to = r.getTo() == null ? List.of() : r.getTo().stream()
                .filter(t -> t.getOperation() != null).map(t -> RequestOperation.from(t.getOperation())).toList();
        List<RequestCondition> when = r.getWhen() == null ? List.of() : r.getWhen().stream()
                .map(RequestCondition::from).toList();
        return new AccessRule(from, to, when);
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
