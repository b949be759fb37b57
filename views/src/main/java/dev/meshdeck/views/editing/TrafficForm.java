package dev.meshdeck.views.editing;

import dev.meshdeck.core.editing.TrafficEditorModel;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.views.common.Icons;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * The traffic form: a canary slider between the stable and the candidate version (lock, presets, keyboard
 * steps) and a weights table for every destination. It only reads and calls its {@link TrafficEditorModel};
 * {@link #refresh()} redraws it from the model after any change, wherever it came from.
 */
final class TrafficForm {

    private final Slider slider = new Slider(0, 100, 0);
    private final Label candidateLabel = new Label();
    private final Label stableLabel = new Label();
    private final ToggleButton lock = new ToggleButton();
    private final List<Button> presets = new ArrayList<>();
    private final TableView<TrafficShare> weights = new TableView<>();
    private final Label total = new Label();
    private final Label problem = new Label();
    private final Label note = new Label();
    private final VBox root;
    private TrafficEditorModel model;
    private boolean refreshing;

    TrafficForm() {
        slider.setId("canary-slider");
        slider.getStyleClass().add("canary-slider");
        slider.setMajorTickUnit(25);
        slider.setMinorTickCount(4);
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setBlockIncrement(TrafficEditorModel.SMALL_STEP);
        slider.setMaxWidth(Double.MAX_VALUE);
        // The model owns the steps (arrows 1, page keys 5) so every key press is one undoable change.
        slider.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            int step = switch (e.getCode()) {
                case LEFT, DOWN -> -TrafficEditorModel.SMALL_STEP;
                case RIGHT, UP -> TrafficEditorModel.SMALL_STEP;
                case PAGE_DOWN -> -TrafficEditorModel.LARGE_STEP;
                case PAGE_UP -> TrafficEditorModel.LARGE_STEP;
                case HOME -> -100;
                case END -> 100;
                default -> 0;
            };
            if (step != 0) {
                e.consume();
                if (model != null) {
                    model.step(step);
                }
            }
        });
        slider.valueProperty().addListener((obs, old, now) -> {
            if (!refreshing && !slider.isValueChanging()) {
                commitSlider();
            } else if (!refreshing) {
                candidateLabel.setText(preview((int) Math.round(now.doubleValue())));
            }
        });
        slider.valueChangingProperty().addListener((obs, was, now) -> {
            if (!now && !refreshing) {
                commitSlider();
            }
        });

        candidateLabel.setId("canary-label");
        candidateLabel.getStyleClass().add("canary-label");
        stableLabel.setId("stable-label");
        stableLabel.getStyleClass().add("stable-label");
        lock.setId("canary-lock");
        lock.getStyleClass().add("canary-lock");
        lock.setGraphic(Icons.of(MaterialDesignL.LOCK_OPEN_VARIANT_OUTLINE, "lock-icon"));
        lock.setTooltip(new Tooltip("Lock the split so no stray drag or key press moves traffic"));
        lock.selectedProperty().addListener((obs, old, now) -> {
            lock.setGraphic(Icons.of(now ? MaterialDesignL.LOCK : MaterialDesignL.LOCK_OPEN_VARIANT_OUTLINE, "lock-icon"));
            if (model != null) {
                model.setLocked(now);
            }
            refresh();
        });

        HBox presetBar = new HBox(4);
        presetBar.getStyleClass().add("preset-bar");
        for (int value : TrafficEditorModel.PRESETS) {
            Button preset = new Button(value + "%");
            preset.setId("preset-" + value);
            preset.getStyleClass().addAll("preset-button", "small");
            preset.setOnAction(e -> {
                if (model != null) {
                    model.setCandidatePercent(value);
                }
            });
            preset.setTooltip(new Tooltip("Send " + value + "% of traffic to the candidate"));
            presets.add(preset);
            presetBar.getChildren().add(preset);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox labels = new HBox(8, stableLabel, spacer, candidateLabel, lock);
        labels.setAlignment(Pos.CENTER_LEFT);
        labels.getStyleClass().add("canary-labels");

        weights.setId("weights-table");
        weights.getStyleClass().add("weights-table");
        weights.setEditable(true);
        weights.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<TrafficShare, String> version = new TableColumn<>("Destination");
        version.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(model == null ? c.getValue().version()
                : model.shortName(c.getValue().version())));
        version.setEditable(false);
        version.setPrefWidth(110);
        TableColumn<TrafficShare, String> tag = new TableColumn<>("Tag");
        tag.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().tag()));
        tag.setEditable(false);
        tag.setPrefWidth(50);
        TableColumn<TrafficShare, Integer> percent = new TableColumn<>("Weight %");
        percent.setId("weight-column");
        percent.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>((int) Math.round(c.getValue().percent())));
        percent.setCellFactory(TextFieldTableCell.forTableColumn(new PercentConverter()));
        percent.setOnEditCommit(e -> {
            Integer value = e.getNewValue();
            if (model != null && value != null) {
                model.setWeight(e.getTablePosition().getRow(), value);
            }
            refresh(); // a refused or unchanged value shows the model's value again
        });
        percent.setMinWidth(80);
        percent.setPrefWidth(90);
        weights.getColumns().addAll(List.of(version, tag, percent));
        // only when the split cannot be read: the problem above says why
        weights.setPlaceholder(new Label("No split to show"));
        weights.setPrefHeight(150);
        total.setId("weights-total");
        total.getStyleClass().add("weights-total");

        problem.setId("traffic-problem");
        problem.getStyleClass().add("traffic-problem");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.visibleProperty());
        note.setId("traffic-note");
        note.getStyleClass().addAll("traffic-note", "text-muted");
        note.setWrapText(true);
        note.managedProperty().bind(note.visibleProperty());

        Label canaryCaption = FormParts.caption("Canary");
        Label hint = new Label("← → 1%   PgUp PgDn 5%");
        hint.getStyleClass().add("key-hint");
        Label weightsCaption = FormParts.caption("Weights");
        root = new VBox(8, canaryCaption, labels, slider, presetBar, hint, problem, note, weightsCaption, weights, total);
        root.setId("traffic-form");
        root.getStyleClass().add("traffic-form");
        VBox.setVgrow(weights, Priority.ALWAYS);
    }

    Node node() {
        return root;
    }

    void show(TrafficEditorModel model) {
        this.model = model;
        refreshing = true;
        try {
            lock.setSelected(model.locked());
        } finally {
            refreshing = false;
        }
        refresh();
    }

    private void commitSlider() {
        if (model == null) {
            return;
        }
        int value = (int) Math.round(slider.getValue());
        if (!model.setCandidatePercent(value)) {
            refresh();
        }
    }

    private String preview(int percent) {
        return model == null ? "" : model.candidateVersion().map(v -> model.shortName(v) + " " + percent + "%").orElse("");
    }

    /** Redraws everything from the model. */
    void refresh() {
        if (model == null) {
            return;
        }
        refreshing = true;
        try {
            boolean editable = model.editable();
            slider.setValue(model.candidatePercent());
            slider.setDisable(!editable);
            presets.forEach(b -> b.setDisable(!editable));
            weights.setEditable(editable);
            candidateLabel.setText(model.candidateLabel());
            List<TrafficShare> shares = model.shares();
            stableLabel.setText(model.stableVersion().map(v -> model.shortName(v) + " " + shares.stream()
                    .filter(s -> s.version().equals(v)).mapToLong(s -> Math.round(s.percent())).sum() + "%").orElse(""));
            weights.getItems().setAll(shares);
            long sum = Math.round(shares.stream().mapToDouble(TrafficShare::percent).sum());
            total.setText(shares.isEmpty() ? "" : "Total " + sum + "%" + (shares.size() > 2 ? " · " + shares.size() + " destinations" : ""));
            problem.setText(model.problem().orElse(""));
            problem.setVisible(model.problem().isPresent());
            note.setText(model.note().orElse(""));
            note.setVisible(model.note().isPresent());
        } finally {
            refreshing = false;
        }
    }
}
