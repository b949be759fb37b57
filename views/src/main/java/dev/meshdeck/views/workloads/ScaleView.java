package dev.meshdeck.views.workloads;

import dev.meshdeck.core.workloads.ContainerConfig;
import dev.meshdeck.core.workloads.FunctionConfig;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.converter.IntegerStringConverter;

/**
 * The Scale tab: the selected function's container requests and limits, the HPA of its Deployment, or its Knative
 * Service's scale bounds and target; what would be rejected is listed as it is typed, and each Apply opens the
 * review of its change set. Lays out and binds {@link ScaleModel}.
 */
public final class ScaleView {

    private final ScaleModel model;
    private final VBox root;

    public ScaleView(ScaleModel model) {
        this.model = model;
        HBox summary = WorkloadsView.header("scale", model.summaryProperty(), model::refresh);

        ComboBox<FunctionConfig.Workload> workload = new ComboBox<>(model.workloads());
        workload.setId("scale-workload");
        workload.valueProperty().bindBidirectional(model.workloadProperty());
        workload.setConverter(text(w -> w.kind() + " " + w.namespace() + "/" + w.name()));
        ComboBox<ContainerConfig> container = new ComboBox<>();
        container.setId("scale-container");
        container.valueProperty().bindBidirectional(model.containerProperty());
        container.setConverter(text(ContainerConfig::name));
        model.workloadProperty().addListener((o, was, now) -> container.getItems().setAll(now == null ? List.of() : now.containers()));

        GridPane resources = grid();
        resources.addRow(0, new Label("Workload"), workload, new Label("Container"), container);
        resources.addRow(1, new Label("Request cpu"), quantity("scale-request-cpu", model.request("cpu")),
                new Label("Limit cpu"), quantity("scale-limit-cpu", model.limit("cpu")));
        resources.addRow(2, new Label("Request memory"), quantity("scale-request-memory", model.request("memory")),
                new Label("Limit memory"), quantity("scale-limit-memory", model.limit("memory")));
        Button applyResources = apply("scale-apply-resources", "Apply requests and limits…", model::applyResources);
        applyResources.disableProperty().bind(Bindings.isNotEmpty(model.problems()).or(model.containerProperty().isNull()));
        resources.add(applyResources, 1, 3);

        GridPane hpa = grid();
        Label current = new Label();
        current.setId("scale-hpa-current");
        current.textProperty().bind(model.autoscalerShownProperty());
        hpa.add(current, 0, 2, 6, 1);
        hpa.addRow(0, new Label("Autoscaler min"), number("scale-hpa-min", model.hpaMinProperty()),
                new Label("max"), number("scale-hpa-max", model.hpaMaxProperty()),
                new Label("CPU %"), number("scale-cpu-percent", model.cpuPercentProperty()));
        Button applyHpa = apply("scale-apply-hpa", "Apply autoscaler…", model::applyAutoscaler);
        applyHpa.disableProperty().bind(Bindings.isNotEmpty(model.problems()).or(model.hpaMaxProperty().isNull())
                .or(model.workloadProperty().isNull()));
        hpa.add(applyHpa, 1, 1);

        GridPane knative = grid();
        knative.addRow(0, new Label("Knative min-scale"), number("scale-min-scale", model.minScaleProperty()),
                new Label("max-scale"), number("scale-max-scale", model.maxScaleProperty()),
                new Label("target"), number("scale-target", model.targetProperty()));
        Button applyKnative = apply("scale-apply-knative", "Apply scale bounds…", model::applyKnative);
        applyKnative.disableProperty().bind(Bindings.isNotEmpty(model.problems()));
        knative.add(applyKnative, 1, 1);
        // a Deployment is scaled by an HPA, a Knative Service by its own autoscaler
        model.workloadProperty().addListener((o, was, now) -> {
            hpa.setVisible(now != null && !model.knative());
            hpa.setManaged(hpa.isVisible());
            knative.setVisible(model.knative());
            knative.setManaged(knative.isVisible());
        });
        hpa.setVisible(false);
        hpa.setManaged(false);
        knative.setVisible(false);
        knative.setManaged(false);

        GridPane lambda = grid();
        ComboBox<String> qualifier = new ComboBox<>(model.qualifiers());
        qualifier.setId("scale-qualifier");
        qualifier.setEditable(true); // an alias without provisioned concurrency yet is typed in
        qualifier.valueProperty().bindBidirectional(model.qualifierProperty());
        lambda.addRow(0, new Label("Alias or version"), qualifier, new Label("Provisioned concurrency"),
                number("scale-provisioned", model.provisionedProperty()));
        Button applyProvisioned = apply("scale-apply-provisioned", "Apply provisioned concurrency…", model::applyProvisioned);
        applyProvisioned.disableProperty().bind(Bindings.isNotEmpty(model.problems()).or(model.qualifierProperty().isNull()));
        lambda.add(applyProvisioned, 1, 1);
        lambda.visibleProperty().bind(model.lambdaShownProperty());
        lambda.managedProperty().bind(model.lambdaShownProperty());
        resources.visibleProperty().bind(model.lambdaShownProperty().not());
        resources.managedProperty().bind(model.lambdaShownProperty().not());

        ListView<String> problems = new ListView<>(model.problems());
        problems.setId("scale-problems");
        problems.setPlaceholder(new Label("Nothing the API server would reject"));
        problems.setPrefHeight(90);

        root = new VBox(10, summary, resources, hpa, knative, lambda, new Label("Problems"), problems);
        root.setPadding(new Insets(10));
        root.setId("scale");
        root.getStyleClass().add("workloads");
    }

    public Node node() {
        return root;
    }

    public ScaleModel model() {
        return model;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        return grid;
    }

    private Button apply(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        button.visibleProperty().bind(model.editableProperty());
        return button;
    }

    private static TextField quantity(String id, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(7);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    /** A whole-number field: empty is null, anything else is not accepted as typed. */
    private static TextField number(String id, ObjectProperty<Integer> value) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(4);
        TextFormatter<Integer> format = new TextFormatter<>(new IntegerStringConverter(), value.get(),
                change -> change.getControlNewText().matches("-?\\d*") ? change : null);
        field.setTextFormatter(format);
        format.valueProperty().bindBidirectional(value);
        return field;
    }

    private static <T> StringConverter<T> text(Function<T, String> describe) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : describe.apply(item);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("chosen from the list, never typed");
            }
        };
    }
}
