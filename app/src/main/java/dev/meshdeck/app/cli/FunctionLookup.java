package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.inventory.ServerlessFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Finds the one function a headless command is about, or says why it cannot. */
public final class FunctionLookup {

    private FunctionLookup() {
    }

    public static List<ServerlessFunction> discover(Sources sources) {
        List<ServerlessFunction> all = new ArrayList<>(sources.kube().listOnce().functions());
        sources.lambda().ifPresent(l -> l.discover().forEach(e -> {
            if (e instanceof dev.meshdeck.core.inventory.InventoryEvent.SourceLoaded loaded) {
                all.addAll(loaded.functions());
            }
        }));
        return all;
    }

    /**
     * @param namespace null for any namespace
     * @throws IllegalArgumentException when no function or several match
     */
    public static ServerlessFunction find(List<ServerlessFunction> functions, String name, String namespace) {
        List<ServerlessFunction> matches = functions.stream()
                .filter(f -> f.name().equals(name))
                .filter(f -> namespace == null || f.namespace().equals(namespace))
                .toList();
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("no function named " + name
                    + (namespace == null ? "" : " in namespace " + namespace) + " (see `meshdeck functions`)");
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("several functions are named " + name + ": "
                    + matches.stream().map(f -> f.platform() + " " + f.source().label() + " " + f.id().qualifiedName())
                            .collect(Collectors.joining(", ")) + "; narrow with -n NAMESPACE or --context");
        }
        return matches.get(0);
    }
}
