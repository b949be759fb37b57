package dev.meshdeck.core.editing.forms;

import dev.meshdeck.core.inventory.ServerlessFunction;
import java.util.Objects;

/**
 * The function a new policy is created for: where it lives, the host its Service answers on and the
 * {@code app} label its pods carry (what selectors and subsets point at).
 */
public record FunctionTarget(String namespace, String name, String host, String appLabel) {

    public FunctionTarget {
        Objects.requireNonNull(namespace, "namespace");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a function needs a name");
        }
        host = host == null || host.isBlank() ? name : host;
        appLabel = appLabel == null || appLabel.isBlank() ? name : appLabel;
    }

    /** The usual Kubernetes layout: a Service named like the function, pods labelled {@code app: <name>}. */
    public static FunctionTarget of(String namespace, String name) {
        return new FunctionTarget(namespace, name, name, name);
    }

    /** From the inventory: the host is the function's name, the app label its pods' {@code app} label if known. */
    public static FunctionTarget of(ServerlessFunction function) {
        return new FunctionTarget(function.namespace(), function.name(), function.name(),
                function.labels().getOrDefault("app", function.name()));
    }
}
