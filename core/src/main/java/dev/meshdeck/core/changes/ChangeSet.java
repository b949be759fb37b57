package dev.meshdeck.core.changes;

import dev.meshdeck.core.yaml.YamlDocument;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The objects one apply writes, in order; applied all or nothing.
 *
 * @param sources the YAML documents the after states were read from, when they came from files: the gate's
 *                findings then name file:line:col as {@code meshdeck validate} does
 */
public record ChangeSet(List<ResourceChange> changes, Map<ResourceId, YamlDocument> sources) {

    public ChangeSet {
        changes = List.copyOf(changes);
        sources = Map.copyOf(sources);
    }

    public ChangeSet(List<ResourceChange> changes) {
        this(changes, Map.of());
    }

    public static ChangeSet of(ResourceChange... changes) {
        return new ChangeSet(List.of(changes));
    }

    /** Whether it writes Lambda aliases or their provisioned concurrency (to an AWS region). */
    public boolean writesLambdaAliases() {
        return changes.stream().anyMatch(c -> c.target().isLambda());
    }

    /** Whether it writes Kubernetes objects (to a kube context). */
    public boolean writesKubernetesObjects() {
        return changes.stream().anyMatch(c -> !c.target().isLambda());
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public int size() {
        return changes.size();
    }

    /** Undoes this change set: every after becomes the before and the other way round, in reverse order. */
    public ChangeSet inverse() {
        List<ResourceChange> inverted = new java.util.ArrayList<>(changes.stream().map(ResourceChange::inverse).toList());
        java.util.Collections.reverse(inverted);
        return new ChangeSet(inverted);
    }

    /** Only the changes that change something a reviewer would see. */
    public ChangeSet effective() {
        return new ChangeSet(changes.stream().filter(ResourceChange::changesSomething).toList(), sources);
    }

    /** The whole plan as {@code diff -u} text, one section per object. */
    public String unifiedDiff() {
        return changes.stream().map(ResourceChange::unifiedDiff).collect(Collectors.joining("\n"));
    }

    /** "update VirtualService serverless/order-function, create DestinationRule ...". */
    public String summary() {
        return changes.stream().map(c -> c.operation().name().toLowerCase(Locale.ROOT) + " " + c.target())
                .collect(Collectors.joining(", "));
    }
}
