package dev.meshdeck.views.failover;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.failover.FunctionChange;
import dev.meshdeck.core.failover.LiveFunction;
import dev.meshdeck.core.failover.Rollouts;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * Asks how far to scale: a Deployment's replicas (which Deployment, when the function has several), or a
 * Knative Service's minimum and maximum scale. Answers the change to review.
 */
final class ScaleDialog {

    private ScaleDialog() {
    }

    static void ask(Window owner, LiveFunction fn, String reason, Consumer<FunctionChange> then) {
        Dialog<FunctionChange> dialog = new Dialog<>();
        dialog.setTitle("Scale " + fn.function().name());
        if (owner != null) {
            dialog.initOwner(owner);
        }
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        if (fn.knativeService().isPresent()) {
            ObjectNode annotations = (ObjectNode) fn.knativeService().get().at("/spec/template/metadata/annotations");
            Spinner<Integer> min = spinner(annotations.path(Rollouts.KNATIVE_MIN_SCALE).asInt(0));
            Spinner<Integer> max = spinner(annotations.path(Rollouts.KNATIVE_MAX_SCALE).asInt(10));
            min.setId("scale-min");
            max.setId("scale-max");
            dialog.setHeaderText("Knative scale bounds of " + fn.function().name() + " (a new revision)");
            grid.addRow(0, new Label("Minimum"), min);
            grid.addRow(1, new Label("Maximum"), max);
            Label problem = new Label();
            problem.setId("scale-problem");
            problem.getStyleClass().add(Styles.DANGER);
            grid.add(problem, 0, 2, 2, 1);
            dialog.setResultConverter(b -> b == ButtonType.OK ? Rollouts.knativeScale(fn, min.getValue(), max.getValue(), reason) : null);
            // Knative refuses a revision whose minimum is above its maximum: say so here, before OK
            Runnable check = () -> {
                boolean inverted = min.getValue() > max.getValue();
                problem.setText(inverted ? "The minimum (" + min.getValue() + ") is above the maximum (" + max.getValue()
                        + "): Knative would refuse the revision" : "");
                dialog.getDialogPane().lookupButton(ButtonType.OK).setDisable(inverted);
            };
            min.valueProperty().addListener((o, was, now) -> check.run());
            max.valueProperty().addListener((o, was, now) -> check.run());
            dialog.setOnShown(e -> check.run());
        } else {
            ComboBox<String> deployment = new ComboBox<>();
            fn.deployments().forEach(d -> deployment.getItems().add(d.at("/metadata/name").asText()));
            deployment.getSelectionModel().selectFirst();
            Spinner<Integer> replicas = spinner(fn.deployments().isEmpty() ? 1 : fn.deployments().get(0).at("/spec/replicas").asInt(1));
            replicas.setId("scale-replicas");
            deployment.valueProperty().addListener((o, was, now) -> fn.deployments().stream()
                    .filter(d -> d.at("/metadata/name").asText().equals(now)).findFirst()
                    .ifPresent(d -> replicas.getValueFactory().setValue(d.at("/spec/replicas").asInt(1))));
            dialog.setHeaderText("Replicas of " + fn.function().name());
            grid.addRow(0, new Label("Deployment"), deployment);
            grid.addRow(1, new Label("Replicas"), replicas);
            dialog.setResultConverter(b -> b == ButtonType.OK
                    ? Rollouts.scale(fn, deployment.getValue(), replicas.getValue(), reason) : null);
        }
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setId("scale-dialog");
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setOnHidden(e -> Optional.ofNullable(dialog.getResult()).ifPresent(then));
        dialog.show();
    }

    private static Spinner<Integer> spinner(int value) {
        Spinner<Integer> spinner = new Spinner<>(0, 1000, value);
        spinner.setEditable(true);
        return spinner;
    }
}
