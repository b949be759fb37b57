package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.connectors.kube.KubeListing;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Finds the one function a headless command is about, or says why it cannot. */
public final class FunctionLookup {

    private FunctionLookup() {
    }

    public static List<ServerlessFunction> discover(Sources sources) {
        return discovery(sources).functions();
    }

    /** Every function the sources list now, and the sources that did not answer. */
    private record Discovery(List<ServerlessFunction> functions, List<SourceStatus> statuses) {
    }

    private static Discovery discovery(Sources sources) {
        KubeListing kube = sources.kube().listOnce();
        List<ServerlessFunction> all = new ArrayList<>(kube.functions());
        List<SourceStatus> statuses = new ArrayList<>(kube.sources());
        List<InventoryEvent> events = new ArrayList<>();
        sources.lambda().ifPresent(l -> events.addAll(l.discover()));
        sources.cloudRun().ifPresent(c -> events.addAll(c.discover()));
        for (InventoryEvent e : events) {
            if (e instanceof InventoryEvent.SourceLoaded loaded) {
                all.addAll(loaded.functions());
            } else if (e instanceof InventoryEvent.SourceChanged changed) {
                statuses.add(changed.status());
            }
        }
        return new Discovery(all, statuses);
    }

    /**
     * The one function named so, for a command that writes to it. When it is not found and a source did not
     * answer, says so: the function may well be there, and nothing can be written to that source now.
     *
     * @throws IllegalArgumentException when no function or several match
     */
    public static ServerlessFunction find(Sources sources, String name, String namespace) {
        Discovery found = discovery(sources);
        try {
            return find(found.functions(), name, namespace);
        } catch (IllegalArgumentException notFound) {
            List<String> refusals = found.statuses().stream().filter(s -> s.state() == SourceStatus.State.FAILED)
                    .map(s -> s.writeRefusal().orElseThrow()).toList();
            if (refusals.isEmpty()) {
                throw notFound;
            }
            throw new IllegalArgumentException(notFound.getMessage() + "; " + String.join("; ", refusals), notFound);
        }
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
