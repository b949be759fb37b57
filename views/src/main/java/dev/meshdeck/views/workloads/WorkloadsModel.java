package dev.meshdeck.views.workloads;

import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.workloads.FunctionEvent;
import dev.meshdeck.core.workloads.FunctionPod;
import dev.meshdeck.core.workloads.WorkloadSource;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Pods tab's state without a stage: the pods and events of the selected function, read off the FX thread,
 * the pods that do not serve first and the warnings first, and one line saying what is shown (or why nothing is).
 */
public final class WorkloadsModel {

    /** Pods that do not serve first, then by version and name: what an SRE looks at first. */
    static final Comparator<FunctionPod> INCIDENT_ORDER = Comparator.comparing(FunctionPod::ready)
            .thenComparing(FunctionPod::version).thenComparing(FunctionPod::name);

    private final WorkloadSource source;
    private final Executor background;
    private final Executor fx;
    private final ObservableList<FunctionPod> pods = FXCollections.observableArrayList();
    private final ObservableList<FunctionEvent> events = FXCollections.observableArrayList();
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
        if (!source.covers(function.id())) {
            summary.set(function.name() + " runs on " + function.platform().displayName() + ": it has no pods to show.");
            return;
        }
        summary.set("Reading the pods and events of " + function.name() + "…");
        background.execute(() -> {
            List<FunctionPod> readPods;
            List<FunctionEvent> readEvents;
            try {
                readPods = source.podsOf(function.id()).stream().sorted(INCIDENT_ORDER).toList();
                readEvents = source.eventsOf(function.id()).stream().sorted(FunctionEvent.INCIDENT_ORDER).toList();
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
