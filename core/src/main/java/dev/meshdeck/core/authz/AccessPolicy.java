package dev.meshdeck.core.authz;

import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyBuilder;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An AuthorizationPolicy: for the selected workloads, requests matching any rule are allowed, denied or
 * audited. An ALLOW policy with no rules denies everything; a DENY policy with no rules denies nothing.
 *
 * @param selector matchLabels; empty: the whole namespace (mesh-wide in the root namespace)
 */
public record AccessPolicy(String namespace, String name, Action action, Map<String, String> selector,
                           List<AccessRule> rules) {

    public enum Action { ALLOW, DENY, AUDIT, CUSTOM }

    public AccessPolicy {
        action = action == null ? Action.ALLOW : action;
        selector = Workloads.ordered(selector);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public static AccessPolicy allow(String namespace, String name, Map<String, String> selector, AccessRule... rules) {
        return new AccessPolicy(namespace, name, Action.ALLOW, selector, List.of(rules));
    }

    public static AccessPolicy deny(String namespace, String name, Map<String, String> selector, AccessRule... rules) {
        return new AccessPolicy(namespace, name, Action.DENY, selector, List.of(rules));
    }

    public AccessPolicy withAction(Action newAction) {
        return new AccessPolicy(namespace, name, newAction, selector, rules);
    }

    public AccessPolicy addingRule(AccessRule rule) {
        List<AccessRule> copy = new ArrayList<>(rules);
        copy.add(rule);
        return new AccessPolicy(namespace, name, action, selector, copy);
    }

    public AccessPolicy withRule(int index, AccessRule rule) {
        List<AccessRule> copy = new ArrayList<>(rules);
        copy.set(index, rule);
        return new AccessPolicy(namespace, name, action, selector, copy);
    }

    public AuthorizationPolicy toAuthorizationPolicy() {
        return applyTo(new io.fabric8.istio.api.security.v1.AuthorizationPolicyBuilder()
                .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withNewSpec().endSpec().build());
    }

    /** Writes action, selector and rules; provider and targetRefs of a live policy are kept. */
    public AuthorizationPolicy applyTo(AuthorizationPolicy existing) {
        var spec = existing.getSpec() == null ? new io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicy()
                : existing.getSpec();
        return new io.fabric8.istio.api.security.v1.AuthorizationPolicyBuilder(existing)
                .withSpec(new AuthorizationPolicyBuilder(spec)
                        .withAction(spec.getAction() == null && action == Action.ALLOW ? null
                                : AuthorizationPolicyAction.valueOf(action.name()))
                        .withSelector(Workloads.selector(selector))
                        .withRules(rules.isEmpty() ? null : rules.stream().map(AccessRule::toFabric8).toList())
                        .build())
                .build();
    }

    public static AccessPolicy from(AuthorizationPolicy policy) {
        var spec = policy.getSpec();
        return new AccessPolicy(policy.getMetadata().getNamespace(), policy.getMetadata().getName(),
                spec.getAction() == null ? Action.ALLOW : Action.valueOf(spec.getAction().name()),
                Workloads.labels(spec.getSelector()),
                spec.getRules() == null ? List.of() : spec.getRules().stream().map(AccessRule::from).toList());
    }
}
