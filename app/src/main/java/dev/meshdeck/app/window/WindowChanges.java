package dev.meshdeck.app.window;

import dev.meshdeck.app.wiring.ChangeWiring;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.connectors.history.H2ChangeHistory;
import dev.meshdeck.core.changes.ApplyTargets;
import dev.meshdeck.core.changes.ProductionGuard;
import dev.meshdeck.core.changes.history.ChangeHistory;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.inventory.SourceRef;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The window's pipelines: the same wiring as the CLI's ({@link ChangeWiring}) on the kubeconfigs and AWS
 * settings the window reads, recording to the history of the sources' data directory (the sandbox's own).
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
        return connect(contexts.isEmpty() ? null : contexts.get(0), regions.isEmpty() ? null : regions.get(0), guard);
    }

    @Override
    public Connection connect(HistoryEntry entry, ProductionGuard guard) {
        boolean lambda = entry.changes().writesLambdaAliases();
        String context = ChangeWiring.contextOf(entry.target());
        String region = lambda ? ChangeWiring.regionOf(entry.target()).orElse(null) : null;
        if (context == null && !lambda) {
            throw new IllegalArgumentException("change set " + entry.id() + " was written to " + entry.target()
                    + ", which this window cannot reach");
        }
        return connect(context, region, guard);
    }

    private Connection connect(String context, String region, ProductionGuard guard) {
        if (region != null && sources.aws().settings().isEmpty()) {
            throw new IllegalArgumentException("Lambda aliases in " + region + " cannot be written: the window was opened"
                    + " without an AWS configuration (pass --aws-profile/--region)");
        }
        return ChangeWiring.connect(context == null ? null : sources.kubeconfigs(), context,
                region == null ? null : sources.aws().settings().get(), region, sources.dataDirectory(), guard);
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
