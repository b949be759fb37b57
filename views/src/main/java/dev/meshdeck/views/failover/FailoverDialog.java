package dev.meshdeck.views.failover;

import dev.meshdeck.core.failover.FailoverTarget;
import dev.meshdeck.core.failover.FailoverTargets;
import dev.meshdeck.core.failover.IncidentActions;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks where a function fails over to: one of the targets it offers (its configured backup preselected, each
 * with where it comes from) or a typed one ({@code host:...}, {@code subset:...}, {@code url:https://...}), and
 * why. The change itself is shown and confirmed in the review dialog next.
 */
final class FailoverDialog {

    /** A target's line and up to two lines of why it is offered. */
    private static final double TARGET_HEIGHT = 64;
    private static final int MAX_ROWS = 6;
    static final ButtonType REVIEW = new ButtonType("Review…", ButtonBar.ButtonData.OK_DONE);

    /** The chosen target and the person's reason (may be blank). */
    record Choice(FailoverTarget target, String reason) {
    }

    private FailoverDialog() {
    }

    /** Shows the dialog (not modal-blocking: the FX thread keeps running) and hands the choice to {@code then}. */
    static void ask(Window owner, String function, IncidentActions actions, Consumer<Choice> then) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.setTitle("Fail over " + function);
        dialog.setHeaderText("Send 100% of " + function + "'s traffic to:");
        if (owner != null) {
            dialog.initOwner(owner);
        }
        ListView<FailoverTargets.Option> options = new ListView<>();
        options.setId("failover-targets");
        options.getItems().setAll(actions.targets());
        // every target in view at once (a function has a few), each on its wrapped lines: no scrolling to find the backup
        options.setFixedCellSize(TARGET_HEIGHT);
        options.setPrefHeight(Math.min(MAX_ROWS, Math.max(1, actions.targets().size())) * TARGET_HEIGHT + 2);
        options.setCellFactory(list -> new ListCell<>() {
            {
                setWrapText(true);
                // the cell takes the list's width, so the reason wraps instead of running off to the right
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(FailoverTargets.Option option, boolean empty) {
                super.updateItem(option, empty);
                setText(empty || option == null ? null : option.target() + "\n" + option.why());
            }
        });
        actions.preselected().ifPresent(o -> options.getSelectionModel().select(o));
        TextField typed = new TextField();
        typed.setId("failover-typed");
        typed.setPromptText("or type one: host:payment-function.payments-dr.svc.cluster.local, subset:v2, url:https://…");
        TextField reason = new TextField();
        reason.setId("failover-reason");
        reason.setPromptText("Why (kept in the history), e.g. INC-1234 primary failing");
        Label problem = new Label(actions.targetProblem());
        problem.setId("failover-problem");
        problem.getStyleClass().add("incident-reason");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        VBox body = new VBox(8, options, typed, new Label("Reason"), reason, problem);
        body.setPrefWidth(560);
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().setId("failover-dialog");
        dialog.getDialogPane().getButtonTypes().addAll(REVIEW, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(REVIEW).setId("failover-review");
        dialog.getDialogPane().lookupButton(REVIEW).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                choice(options, typed, reason);
            } catch (IllegalArgumentException bad) {
                problem.setText(bad.getMessage());
                e.consume();
            }
        });
        dialog.setResultConverter(button -> button == REVIEW ? choice(options, typed, reason) : null);
        dialog.setOnHidden(e -> Optional.ofNullable(dialog.getResult()).ifPresent(then));
        dialog.show();
    }

    private static Choice choice(ListView<FailoverTargets.Option> options, TextField typed, TextField reason) {
        FailoverTarget target;
        if (!typed.getText().isBlank()) {
            target = FailoverTarget.parse(typed.getText());
        } else if (options.getSelectionModel().getSelectedItem() != null) {
            target = options.getSelectionModel().getSelectedItem().target();
        } else {
            throw new IllegalArgumentException("Choose a target, or type one such as host:NAME or subset:VERSION");
        }
        return new Choice(target, reason.getText().trim());
    }
}
