package dev.meshdeck.views.workloads;

import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.workloads.Autoscaler;
import dev.meshdeck.core.workloads.ConfigSource;
import dev.meshdeck.core.workloads.ContainerConfig;
import dev.meshdeck.core.workloads.FunctionConfig;
import dev.meshdeck.core.workloads.LambdaConfig;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.workloads.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Scale tab's state without a stage: one container's requests and limits, the HorizontalPodAutoscaler of the
 * workload, or a Knative Service's scale bounds and target, filled from the function's configuration as read off the
 * FX thread. What the API server would reject (a request above its limit, min above max) is listed as problems while
 * the person types; the apply gate judges the change again (MD0710-MD0712).
 */
public final class ScaleModel {

    /** Where the tab's changes go: each becomes a change set, reviewed and applied like any other. FX thread. */
    public interface Editor {

        /** Sets requests and limits of a container; an empty value removes one. */
        void resources(ServerlessFunction function, String workload, String container, Map<String, String> requests,
                       Map<String, String> limits);

        /** Creates the HPA of the Deployment, or edits the one named {@code autoscaler} (null: none yet). */
        void autoscaler(ServerlessFunction function, String workload, String autoscaler, Integer min, int max, Integer cpuPercent);

        /** Sets a Knative Service's scale bounds and target (null leaves one as it is). */
        void knative(ServerlessFunction function, Integer min, Integer max, Integer target);

        /** Sets the provisioned concurrency of a Lambda function's alias or version (0 removes it). */
        void provisioned(ServerlessFunction function, String qualifier, int count);
    }

    private static final List<String> RESOURCES = List.of("cpu", "memory");

    private final ConfigSource source;
    private final Executor background;
    private final Executor fx;
    private Editor editor;
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(this, "editable");
    private final ObservableList<FunctionConfig.Workload> workloads = FXCollections.observableArrayList();
    private final ObjectProperty<FunctionConfig.Workload> workload = new SimpleObjectProperty<>(this, "workload");
    private final ObjectProperty<ContainerConfig> container = new SimpleObjectProperty<>(this, "container");
    private final Map<String, StringProperty> requests = new LinkedHashMap<>();
    private final Map<String, StringProperty> limits = new LinkedHashMap<>();
    private final ObjectProperty<Integer> hpaMin = new SimpleObjectProperty<>(this, "hpaMin", 1);
    private final ObjectProperty<Integer> hpaMax = new SimpleObjectProperty<>(this, "hpaMax");
    private final ObjectProperty<Integer> cpuPercent = new SimpleObjectProperty<>(this, "cpuPercent");
    private final ObjectProperty<Integer> minScale = new SimpleObjectProperty<>(this, "minScale");
    private final ObjectProperty<Integer> maxScale = new SimpleObjectProperty<>(this, "maxScale");
    private final ObjectProperty<Integer> target = new SimpleObjectProperty<>(this, "target");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper autoscalerShown = new ReadOnlyStringWrapper(this, "autoscalerShown", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Select a function to size and scale it.");
    private final ReadOnlyBooleanWrapper lambdaShown = new ReadOnlyBooleanWrapper(this, "lambdaShown");
    private final ObservableList<String> qualifiers = FXCollections.observableArrayList();
    private final ObjectProperty<String> qualifier = new SimpleObjectProperty<>(this, "qualifier");
    private final ObjectProperty<Integer> provisioned = new SimpleObjectProperty<>(this, "provisioned");
    private Function<FunctionId, Optional<LambdaConfig>> lambda = id -> Optional.empty();
    private Map<String, Integer> provisionedNow = Map.of();
    private ServerlessFunction shown;
    private long read;

    public ScaleModel(ConfigSource source, Executor background, Executor fx) {
        this.source = source;
        this.background = background;
        this.fx = fx;
        for (String r : RESOURCES) {
            requests.put(r, new SimpleStringProperty(this, "request " + r, ""));
            limits.put(r, new SimpleStringProperty(this, "limit " + r, ""));
        }
        workload.addListener((o, was, now) -> container.set(now == null || now.containers().isEmpty() ? null : now.containers().get(0)));
        container.addListener((o, was, now) -> fill(now));
        List<Observable> inputs = new ArrayList<>(List.of(hpaMin, hpaMax, cpuPercent, minScale, maxScale, target, provisioned));
        inputs.addAll(requests.values());
        inputs.addAll(limits.values());
        inputs.forEach(p -> p.addListener(o -> judge()));
        qualifier.addListener((o, was, now) -> provisioned.set(now == null ? null : provisionedNow.getOrDefault(now, 0)));
    }

    /** Where a Lambda function's configuration is read (may block); without, a Lambda function is only named. */
    public void setLambdaConfigs(Function<FunctionId, Optional<LambdaConfig>> lambda) {
        this.lambda = lambda;
    }

    /** Whether the shown function is a Lambda function: its provisioned concurrency is edited instead. */
    public ReadOnlyBooleanProperty lambdaShownProperty() {
        return lambdaShown.getReadOnlyProperty();
    }

    /** A Lambda function's aliases and the versions with provisioned concurrency; another may be typed in. */
    public ObservableList<String> qualifiers() {
        return qualifiers;
    }

    public ObjectProperty<String> qualifierProperty() {
        return qualifier;
    }

    /** The selected qualifier's provisioned concurrent executions (0: none). */
    public ObjectProperty<Integer> provisionedProperty() {
        return provisioned;
    }

    /** Sends the selected qualifier's provisioned concurrency. FX thread. */
    public void applyProvisioned() {
        editor.provisioned(shown, qualifier.get(), provisioned.get() == null ? 0 : provisioned.get());
    }

    public void setEditor(Editor editor) {
        this.editor = editor;
        editable.set(editor != null);
    }

    /** Whether the tab may write (the window has a change desk); without, it only shows. */
    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    public ObservableList<FunctionConfig.Workload> workloads() {
        return workloads;
    }

    public ObjectProperty<FunctionConfig.Workload> workloadProperty() {
        return workload;
    }

    public ObjectProperty<ContainerConfig> containerProperty() {
        return container;
    }

    /** The request of {@code resource} ("cpu", "memory") as typed: a Kubernetes quantity, empty for none. */
    public StringProperty request(String resource) {
        return requests.get(resource);
    }

    public StringProperty limit(String resource) {
        return limits.get(resource);
    }

    public ObjectProperty<Integer> hpaMinProperty() {
        return hpaMin;
    }

    public ObjectProperty<Integer> hpaMaxProperty() {
        return hpaMax;
    }

    public ObjectProperty<Integer> cpuPercentProperty() {
        return cpuPercent;
    }

    public ObjectProperty<Integer> minScaleProperty() {
        return minScale;
    }

    public ObjectProperty<Integer> maxScaleProperty() {
        return maxScale;
    }

    public ObjectProperty<Integer> targetProperty() {
        return target;
    }

    /** What the API server or Knative would reject in what is typed, in the person's words. */
    public ObservableList<String> problems() {
        return problems;
    }

    /** The workload's HPA as it is ("HPA x: 2 to 10 replicas on cpu 70%"), or that it has none. */
    public ReadOnlyStringProperty autoscalerShownProperty() {
        return autoscalerShown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Whether the shown workload is a Knative Service (scale bounds) rather than a Deployment (an HPA). */
    public boolean knative() {
        return workload.get() != null && workload.get().kind().startsWith("Service.");
    }

    /** Shows {@code function}'s workloads, the first selected. FX thread. */
    public void show(ServerlessFunction function) {
        if (function == null || (shown != null && shown.id().equals(function.id()))) {
            return;
        }
        shown = function;
        refresh();
    }

    /** Reads the shown function's configuration again. FX thread. */
    public void refresh() {
        if (shown == null) {
            return;
        }
        ServerlessFunction function = shown;
        long mine = ++read;
        workloads.clear();
        workload.set(null);
        qualifiers.clear();
        qualifier.set(null);
        lambdaShown.set(function.platform() == dev.meshdeck.core.inventory.Platform.LAMBDA);
        if (lambdaShown.get()) {
            showLambda(function, mine);
            return;
        }
        if (!source.covers(function.id())) {
            summary.set(function.name() + " runs on " + function.platform().displayName() + ": it is not scaled through Kubernetes.");
            return;
        }
        summary.set("Reading the workloads of " + function.name() + "…");
        background.execute(() -> {
            try {
                FunctionConfig config = source.configOf(function.id());
                fx.execute(() -> {
                    if (mine == read) {
                        workloads.setAll(config.workloads());
                        workload.set(config.workloads().isEmpty() ? null : config.workloads().get(0));
                        summary.set(function.name() + ": " + config.workloads().size()
                                + (config.workloads().size() == 1 ? " workload" : " workloads"));
                    }
                });
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    if (mine == read) {
                        summary.set("Cannot read the workloads of " + function.name() + ": " + e.getMessage());
                    }
                });
            }
        });
    }

    private void showLambda(ServerlessFunction function, long mine) {
        summary.set("Reading the provisioned concurrency of " + function.name() + "…");
        background.execute(() -> {
            try {
                Optional<LambdaConfig> config = lambda.apply(function.id());
                fx.execute(() -> {
                    if (mine != read) {
                        return;
                    }
                    provisionedNow = config.map(LambdaConfig::provisioned).orElse(Map.of());
                    java.util.Set<String> names = new java.util.TreeSet<>(provisionedNow.keySet());
                    // the aliases its traffic goes through (a Lambda share's tag), provisioned or not yet
                    function.traffic().stream().map(t -> t.tag()).filter(t -> !t.isEmpty()).forEach(names::add);
                    qualifiers.setAll(names);
                    qualifier.set(qualifiers.isEmpty() ? null : qualifiers.get(0));
                    summary.set(config.isEmpty() ? "Cannot read the configuration of " + function.name()
                            : function.name() + ": provisioned concurrency per alias or version"
                            + config.get().reservedConcurrency().map(r -> " (reserved concurrency " + r + ")").orElse(""));
                });
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    if (mine == read) {
                        summary.set("Cannot read the configuration of " + function.name() + ": " + e.getMessage());
                    }
                });
            }
        });
    }

    /** Sends the container's requests and limits as typed (an emptied field removes that request or limit). FX thread. */
    public void applyResources() {
        ContainerConfig c = container.get();
        editor.resources(shown, workload.get().name(), c.name(), changed(requests, c.requests()), changed(limits, c.limits()));
    }

    /** Sends the HPA's bounds and CPU target. FX thread. */
    public void applyAutoscaler() {
        editor.autoscaler(shown, workload.get().name(), workload.get().autoscaler().map(Autoscaler::name).orElse(null),
                hpaMin.get(), hpaMax.get(), cpuPercent.get());
    }

    /** Sends the Knative Service's scale bounds and target. FX thread. */
    public void applyKnative() {
        editor.knative(shown, minScale.get(), maxScale.get(), target.get());
    }

    /** The fields that differ from what the container has: "" for one emptied. */
    private static Map<String, String> changed(Map<String, StringProperty> typed, Map<String, String> current) {
        Map<String, String> changed = new LinkedHashMap<>();
        typed.forEach((r, p) -> {
            String value = p.get().trim();
            if (!value.equals(current.getOrDefault(r, ""))) {
                changed.put(r, value);
            }
        });
        return changed;
    }

    private void fill(ContainerConfig c) {
        for (String r : RESOURCES) {
            requests.get(r).set(c == null ? "" : c.requests().getOrDefault(r, ""));
            limits.get(r).set(c == null ? "" : c.limits().getOrDefault(r, ""));
        }
        Optional<Autoscaler> hpa = workload.get() == null ? Optional.empty() : workload.get().autoscaler();
        hpaMin.set(hpa.map(h -> h.minReplicas().orElse(1)).orElse(1));
        hpaMax.set(hpa.map(Autoscaler::maxReplicas).orElse(null));
        cpuPercent.set(hpa.flatMap(Autoscaler::cpuPercent).orElse(null));
        autoscalerShown.set(hpa.map(h -> h.display() + "; Apply changes it in place")
                .orElse("No autoscaler: Apply creates one named after the Deployment"));
        Map<String, String> autoscaling = workload.get() == null ? Map.of() : workload.get().autoscaling();
        minScale.set(integer(autoscaling.get("min-scale")));
        maxScale.set(integer(autoscaling.get("max-scale")));
        target.set(integer(autoscaling.get("target")));
    }

    private static Integer integer(String annotation) {
        try {
            return annotation == null ? null : Integer.valueOf(annotation.trim());
        } catch (NumberFormatException e) {
            return null; // not a number: MD0712 says so; the field starts empty
        }
    }

    private void judge() {
        List<String> found = new ArrayList<>();
        for (String r : RESOURCES) {
            Optional<BigDecimal> request = quantity(found, "request " + r, requests.get(r).get());
            Optional<BigDecimal> limit = quantity(found, "limit " + r, limits.get(r).get());
            if (request.isPresent() && limit.isPresent() && request.get().compareTo(limit.get()) > 0) {
                found.add("request " + r + " " + requests.get(r).get().trim() + " is above its limit " + limits.get(r).get().trim());
            }
        }
        if (hpaMin.get() != null && hpaMin.get() < 1) {
            found.add("autoscaler min " + hpaMin.get() + " is below 1");
        }
        if (hpaMin.get() != null && hpaMax.get() != null && hpaMin.get() > hpaMax.get()) {
            found.add("autoscaler min " + hpaMin.get() + " is above max " + hpaMax.get());
        }
        if (cpuPercent.get() != null && cpuPercent.get() <= 0) {
            found.add("CPU target " + cpuPercent.get() + "% is not above 0");
        }
        if (minScale.get() != null && maxScale.get() != null && maxScale.get() > 0 && minScale.get() > maxScale.get()) {
            found.add("min-scale " + minScale.get() + " is above max-scale " + maxScale.get());
        }
        if (target.get() != null && target.get() <= 0) {
            found.add("target " + target.get() + " is not above 0");
        }
        if (provisioned.get() != null && provisioned.get() < 0) {
            found.add("provisioned concurrency " + provisioned.get() + " is below 0");
        }
        problems.setAll(found);
    }

    private static Optional<BigDecimal> quantity(List<String> problems, String what, String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        Optional<BigDecimal> q = Quantity.parse(text);
        if (q.isEmpty()) {
            problems.add(what + " \"" + text.trim() + "\" is not a quantity (250m, 0.5, 256Mi, 1Gi)");
        }
        return q;
    }
}
