package dev.meshdeck.views.workloads;

import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.workloads.FunctionEvent;
import dev.meshdeck.core.workloads.FunctionPod;
import dev.meshdeck.core.workloads.PodDetails;
import dev.meshdeck.core.workloads.RolloutHistory;
import dev.meshdeck.core.workloads.ServiceEndpoints;
import dev.meshdeck.core.workloads.WorkloadSource;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Pods tab's state without a stage: the pods, events and Deployment revisions of the selected function, read
 * off the FX thread, the pods that do not serve first and the warnings first, and one line saying what is shown
 * (or why nothing is). Rolling back to a revision is handed to the window, which reviews it like any change.
 */
public final class WorkloadsModel {

    /** Pods that do not serve first, then by version and name: what an SRE looks at first. */
    static final Comparator<FunctionPod> INCIDENT_ORDER = Comparator.comparing(FunctionPod::ready)
            .thenComparing(FunctionPod::version).thenComparing(FunctionPod::name);

    /** By Deployment, the newest revision first: the one to go back from on top. */
    static final Comparator<RevisionRow> NEWEST_FIRST = Comparator.comparing(RevisionRow::deployment)
            .thenComparing(r -> -r.revision().number());

    private final WorkloadSource source;
    private final Executor background;
    private final Executor fx;
    private final ObservableList<FunctionPod> pods = FXCollections.observableArrayList();
    private final ObservableList<FunctionEvent> events = FXCollections.observableArrayList();
    private final ObservableList<RevisionRow> revisions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper endpointsLine = new ReadOnlyStringWrapper(this, "endpoints", "");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(this, "details", "");
    private Consumer<RevisionRow> rollBack = row -> { };
    private Consumer<FunctionPod> deletePod = pod -> { };
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Select a function to see its pods and events.");
    private ServerlessFunction shown;
    /** Counts reads: an answer for an earlier one is dropped. */
    private long read;

    /**
     * @param background where the (blocking) reads run
     * @param fx         where their answers are applied (the FX thread)
     */
    public WorkloadsModel(WorkloadSource source, Executor background, Executor fx) {
        this.source = source;
        this.background = background;
        this.fx = fx;
    }

    public ObservableList<FunctionPod> pods() {
        return pods;
    }

    public ObservableList<FunctionEvent> events() {
        return events;
    }

    /** The revisions of the function's Deployments, newest first ({@code rollout history}). */
    public ObservableList<RevisionRow> revisions() {
        return revisions;
    }

    /** One row of the Revisions list: a revision of one of the function's Deployments. */
    public record RevisionRow(String deployment, RolloutHistory.Revision revision) {
    }

    /** What "Roll back to this revision" does: the window reviews and applies it through the pipeline. */
    public void setRollBack(Consumer<RevisionRow> action) {
        this.rollBack = action;
    }

    /** What "Delete pod (restart)" does: the window reviews and applies the deletion through the pipeline. */
    public void setDeletePod(Consumer<FunctionPod> action) {
        this.deletePod = action;
    }

    /** Asks the window to delete {@code pod} so that its controller starts a new one. FX thread. */
    public void deletePod(FunctionPod pod) {
        if (pod != null) {
            deletePod.accept(pod);
        }
    }

    /** Why {@code row} cannot be rolled back to (it is what runs), or empty. */
    public static Optional<String> rollBackRefusal(RevisionRow row) {
        return row.revision().current()
                ? Optional.of(row.deployment() + " already runs revision " + row.revision().number())
                : Optional.empty();
    }

    /** Asks the window to roll {@code row}'s Deployment back to it, unless it is what runs. FX thread. */
    public void rollBack(RevisionRow row) {
        if (row != null && rollBackRefusal(row).isEmpty()) {
            rollBack.accept(row);
        }
    }

    /** One line per Service of the function: which pods get its traffic and which are held back as not ready. */
    public ReadOnlyStringProperty endpointsProperty() {
        return endpointsLine.getReadOnlyProperty();
    }

    /** The selected pod described as {@code kubectl describe pod} would, "" when none is selected. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** Shows {@code pod}'s details (null clears them). FX thread. */
    public void select(FunctionPod pod) {
        details.set(pod == null ? "" : describe(pod));
    }

    /** Labels, node, IP, start time, conditions and per container its image, state, last termination, restarts, readiness. */
    static String describe(FunctionPod pod) {
        PodDetails d = pod.details();
        StringBuilder text = new StringBuilder("Pod " + pod.namespace() + "/" + pod.name() + "   Node: " + orDash(pod.node())
                + "   IP: " + orDash(pod.ip()) + "   Started: " + pod.started().map(Instant::toString).orElse("-") + "\n");
        text.append("Labels: ").append(d.labels().isEmpty() ? "-" : String.join(", ", new TreeMap<>(d.labels()).entrySet()
                .stream().map(e -> e.getKey() + "=" + e.getValue()).toList())).append('\n');
        text.append("Conditions: ").append(d.conditions().isEmpty() ? "-" : String.join(", ", d.conditions().stream()
                .map(c -> c.type() + "=" + c.status() + (c.reason().isEmpty() ? "" : " (" + c.reason() + ")")).toList()))
                .append('\n');
        for (PodDetails.Container c : d.containers()) {
            text.append("Container ").append(c.name()).append("   Image: ").append(orDash(c.image()))
                    .append("   State: ").append(orDash(c.state())).append(c.reason().isEmpty() ? "" : " (" + c.reason() + ")")
                    .append(c.exitCode().map(code -> ", exit code " + code).orElse(""))
                    .append("   Ready: ").append(c.ready() ? "yes" : "no").append("   Restarts: ").append(c.restarts())
                    .append(c.lastTermination().map(t -> "   Last termination: " + orDash(t.reason()) + ", exit code "
                            + t.exitCode()).orElse("")).append('\n');
        }
        return text.toString();
    }

    private static String orDash(String value) {
        return value.isEmpty() ? "-" : value;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The function shown, or null. */
    public ServerlessFunction function() {
        return shown;
    }

    /** Shows {@code function}'s pods and events (read again when it is another function). FX thread. */
    public void show(ServerlessFunction function) {
        if (function == null || (shown != null && shown.id().equals(function.id()))) {
            return;
        }
        shown = function;
        refresh();
    }

    /** Reads the shown function's pods and events again. FX thread. */
    public void refresh() {
        if (shown == null) {
            return;
        }
        ServerlessFunction function = shown;
        long mine = ++read;
        pods.clear();
        events.clear();
        revisions.clear();
        endpointsLine.set("");
        details.set("");
        if (!source.covers(function.id())) {
            summary.set(function.name() + " runs on " + function.platform().displayName() + ": it has no pods to show.");
            return;
        }
        summary.set("Reading the pods and events of " + function.name() + "…");
        background.execute(() -> {
            List<FunctionPod> readPods;
            List<FunctionEvent> readEvents;
            List<RevisionRow> readRevisions;
            List<ServiceEndpoints> readEndpoints;
            try {
                readPods = source.podsOf(function.id()).stream().sorted(INCIDENT_ORDER).toList();
                readEvents = source.eventsOf(function.id()).stream().sorted(FunctionEvent.INCIDENT_ORDER).toList();
                readRevisions = source.revisionsOf(function.id()).stream()
                        .flatMap(h -> h.revisions().stream().map(r -> new RevisionRow(h.deployment(), r)))
                        .sorted(NEWEST_FIRST).toList();
                readEndpoints = source.endpointsOf(function.id());
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    if (mine == read) {
                        summary.set("Cannot read the pods of " + function.name() + ": " + e.getMessage());
                    }
                });
                return;
            }
            fx.execute(() -> {
                if (mine == read) {
                    pods.setAll(readPods);
                    events.setAll(readEvents);
                    revisions.setAll(readRevisions);
                    endpointsLine.set(String.join("\n", readEndpoints.stream().map(ServiceEndpoints::describe).toList()));
                    summary.set(summary(function, readPods, readEvents));
                }
            });
        });
    }

    private static String summary(ServerlessFunction function, List<FunctionPod> pods, List<FunctionEvent> events) {
        if (pods.isEmpty()) {
            return function.name() + ": no pods (scaled to zero, or not scheduled)" + warnings(events);
        }
        long notReady = pods.stream().filter(p -> !p.ready()).count();
        int restarts = pods.stream().mapToInt(FunctionPod::restarts).sum();
        return function.name() + ": " + pods.size() + (pods.size() == 1 ? " pod" : " pods")
                + (notReady == 0 ? ", all ready" : ", " + notReady + " not ready")
                + (restarts == 0 ? "" : ", " + restarts + (restarts == 1 ? " restart" : " restarts")) + warnings(events);
    }

    private static String warnings(List<FunctionEvent> events) {
        long warnings = events.stream().filter(FunctionEvent::warning).count();
        return warnings == 0 ? "" : ", " + warnings + (warnings == 1 ? " warning" : " warnings");
    }
}
