package dev.meshdeck.views.changes;

import dev.meshdeck.core.changes.ProductionArming;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.views.common.Icons;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The production switch beside Apply: on a production source it says "read-only" with an Arm button (which
 * asks first), and while armed counts down the minutes left with a Disarm button. Hidden on other sources.
 */
final class ArmControl {

    static final ButtonType ARM = new ButtonType("Arm for 15 minutes", ButtonBar.ButtonData.OK_DONE);

    private final ProductionArming arming;
    private final Label state = new Label();
    private final Button button = new Button();
    private final HBox root = new HBox(6, state, button);
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
    private SourceRef source;

    ArmControl(ProductionArming arming) {
        this.arming = arming;
        state.setId("arm-state");
        state.getStyleClass().add("arm-state");
        button.setId("arm-button");
        button.getStyleClass().add("small");
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> toggle());
        root.setId("arm-control");
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add("arm-control");
        root.managedProperty().bind(root.visibleProperty());
        root.setVisible(false);
        ticker.setCycleCount(Animation.INDEFINITE);
        arming.addListener(() -> javafx.application.Platform.runLater(this::render));
    }

    Node node() {
        return root;
    }

    /** Shows the switch for the source the editor shows now (hidden unless it is production). FX thread. */
    void show(SourceRef shown) {
        source = shown;
        render();
    }

    private void tick() {
        arming.refresh(); // tells the listeners (Apply buttons) once the arming expired
        render();
    }

    private void render() {
        boolean production = source != null && arming.isProduction(source);
        root.setVisible(production);
        root.getStyleClass().removeAll("armed", "read-only");
        if (!production) {
            ticker.stop();
            return;
        }
        Optional<String> refusal = arming.refusal(source);
        if (refusal.isPresent()) {
            ticker.stop();
            root.getStyleClass().add("read-only");
            state.setGraphic(Icons.of(MaterialDesignL.LOCK_OUTLINE));
            state.setText(source.label() + " is read-only");
            button.setText("Arm…");
        } else {
            ticker.play();
            root.getStyleClass().add("armed");
            state.setGraphic(Icons.of(MaterialDesignS.SHIELD_ALERT_OUTLINE));
            state.setText("Armed — " + arming.countdown() + " left");
            button.setText("Disarm");
        }
    }

    private void toggle() {
        if (arming.armed()) {
            arming.disarm();
            return;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "", ARM, ButtonType.CANCEL);
        ask.setTitle("Arm production");
        ask.setHeaderText("Allow changes to production targets for 15 minutes?");
        ask.setContentText(source.label() + " matches the production pattern (" + arming.guard().pattern() + "). Every"
                + " change still shows its diff and asks to confirm. After 15 minutes production is read-only again.");
        ask.getDialogPane().setId("arm-dialog");
        if (root.getScene() != null) {
            ask.initOwner(root.getScene().getWindow());
        }
        ask.resultProperty().addListener((obs, old, answer) -> {
            if (answer == ARM) {
                arming.arm();
            }
        });
        ask.show();
    }

    /** What the label says now. */
    String text() {
        return state.getText();
    }
}
