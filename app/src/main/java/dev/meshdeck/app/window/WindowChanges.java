package dev.meshdeck.app.window;

import dev.meshdeck.app.wiring.ChangeWiring;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.connectors.history.H2ChangeHistory;
import dev.meshdeck.connectors.writes.WritePaths;
import dev.meshdeck.core.changes.ApplyTargets;
import dev.meshdeck.core.changes.ProductionGuard;
import dev.meshdeck.core.changes.WriteTarget;
import dev.meshdeck.core.changes.history.ChangeHistory;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.inventory.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The window's pipelines: the same wiring as the CLI's ({@link ChangeWiring}) through the {@link WritePaths} of
 * the kubeconfigs and AWS settings the window reads, recording to the history of the sources' data directory
 * (the sandbox's own).
 */
final class WindowChanges implements ApplyTargets {

    private final Sources sources;
    private ChangeHistory history;

    WindowChanges(Sources sources) {
        this.sources = sources;
    }

    @Override
    public Connection connect(Set<SourceRef> targets, ProductionGuard guard) {
        List<String> contexts = targets.stream().filter(SourceRef.KubeContext.class::isInstance)
                .map(s -> ((SourceRef.KubeContext) s).context()).toList();
        List<String> regions = targets.stream().filter(SourceRef.AwsRegion.class::isInstance)
                .map(s -> ((SourceRef.AwsRegion) s).region()).distinct().toList();
        if (contexts.size() > 1 || regions.size() > 1) {
            throw new IllegalArgumentException("the changes are written to " + targets.stream().map(SourceRef::label)
                    .collect(Collectors.joining(", ")) + ": a change set writes to one kube context (and one AWS region);"
                    + " apply each function on its own");
        }
        // the AWS picker may have changed the settings since the window opened: take them as they are now
        WritePaths paths = sources.writePaths();
        List<WriteTarget> parts = new ArrayList<>();
        contexts.forEach(c -> parts.add(paths.context(c)));
        regions.forEach(r -> parts.add(paths.region(r)));
        return new ChangeWiring(paths, WriteTarget.of(parts), sources.dataDirectory(), guard);
    }

    @Override
    public Connection connect(HistoryEntry entry, ProductionGuard guard) {
        return new ChangeWiring(sources.writePaths(), entry.target(), sources.dataDirectory(), guard);
    }

    /** Opened on first use, off the FX thread: H2 creates its files then. */
    @Override
    public synchronized ChangeHistory history() {
        if (history == null) {
            history = new H2ChangeHistory(sources.dataDirectory());
        }
        return history;
    }
}
