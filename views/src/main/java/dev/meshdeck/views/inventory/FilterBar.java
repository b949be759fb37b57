package dev.meshdeck.views.inventory;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.views.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

import java.util.EnumSet;

/**
 * What narrows the table: the filter field (placed in the app bar) and, above the table, one chip per
 * platform and the "13 of 16 functions" count.
 */
public final class FilterBar {

    private final CustomTextField field = new CustomTextField();
    private final ObservableSet<Platform> platforms = FXCollections.observableSet(EnumSet.noneOf(Platform.class));
    private final Label count = new Label();
    private final HBox bar;

    public FilterBar() {
        field.setId("filter-field");
        field.setPromptText("Filter functions — name, ns:payments, platform:knative");
        field.setLeft(Icons.of(MaterialDesignM.MAGNIFY, "filter-icon"));
        FontIcon clear = Icons.of(MaterialDesignC.CLOSE_CIRCLE, "filter-clear");
        clear.setCursor(Cursor.HAND);
        clear.setOnMouseClicked(e -> field.clear());
        clear.visibleProperty().bind(field.textProperty().isNotEmpty());
        field.setRight(clear);
        field.getStyleClass().add("filter-field");

        HBox chips = new HBox(4);
        chips.getStyleClass().add("platform-chips");
        for (Platform platform : Platform.values()) {
            chips.getChildren().add(chip(platform));
        }

        count.setId("count-label");
        count.getStyleClass().addAll("count-label", Styles.TEXT_MUTED);
        count.setMinWidth(Region.USE_PREF_SIZE);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bar = new HBox(8, chips, spacer, count);
        bar.getStyleClass().add("filter-bar");
    }

    private ToggleButton chip(Platform platform) {
        ToggleButton chip = new ToggleButton(FunctionText.shortName(platform),
                Icons.platform(platform));
        chip.setId("chip-" + platform.id());
        chip.getStyleClass().addAll("platform-chip", Styles.SMALL);
        chip.setTooltip(new Tooltip("Show only " + platform.displayName() + " functions (combine several chips)"));
        chip.setFocusTraversable(false);
        chip.selectedProperty().addListener((obs, was, on) -> {
            if (on) {
                platforms.add(platform);
            } else {
                platforms.remove(platform);
            }
        });
        return chip;
    }

    /** The chips and the count, for the top of the table. */
    public HBox node() {
        return bar;
    }

    /** The filter field, for the app bar. */
    public TextField field() {
        return field;
    }

    public Label countLabel() {
        return count;
    }

    /** The query and the chosen platforms, recomputed whenever either changes. */
    public ObjectBinding<FunctionFilter> filter(ObservableValue<Scope> scope) {
        return Bindings.createObjectBinding(
                () -> new FunctionFilter(FunctionQuery.parse(field.getText()), platforms, scope.getValue()),
                field.textProperty(), platforms, scope);
    }
}
