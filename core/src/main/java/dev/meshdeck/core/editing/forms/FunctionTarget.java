package dev.meshdeck.core.editing.forms;

import dev.meshdeck.core.inventory.ServerlessFunction;
import java.util.Map;
import java.util.Objects;

/**
 * The function a new policy is created for: where it lives, the host its Service answers on and the labels
 * that select its pods (what AuthorizationPolicy, PeerAuthentication and RequestAuthentication selectors use).
 */
public record FunctionTarget(String namespace, String name, String host, Map<String, String> selector) {

    public FunctionTarget {
        Objects.requireNonNull(namespace, "namespace");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a function needs a name");
        }
        host = host == null || host.isBlank() ? name : host;
        selector = selector == null || selector.isEmpty() ? Map.of("app", name) : Map.copyOf(selector);
    }

    /** The usual Kubernetes layout: a Service named like the function, pods labelled {@code app: <name>}. */
    public static FunctionTarget of(String namespace, String name) {
        return new FunctionTarget(namespace, name, name, Map.of("app", name));
    }

    /**
     * From the inventory: the host is the function's name (its Service); the pods are selected as each
     * platform labels them (a plain Deployment's {@code app} label, OpenFaaS {@code faas_function}, Kubeless
     * {@code function}, Knative {@code serving.knative.dev/service}).
     */
    public static FunctionTarget of(ServerlessFunction function) {
        String name = function.name();
        Map<String, String> selector = switch (function.platform()) {
            case OPENFAAS -> Map.of("faas_function", name);
            case KUBELESS -> Map.of("function", name);
            case KNATIVE -> Map.of("serving.knative.dev/service", name);
            default -> Map.of("app", function.labels().getOrDefault("app", name));
        };
        return new FunctionTarget(function.namespace(), name, name, selector);
    }
}
