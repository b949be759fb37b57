package dev.meshdeck.views.inventory;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import dev.meshdeck.views.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.scene.Cursor;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

import java.util.EnumSet;
import java.util.function.Predicate;

/**
 * What narrows the table: the filter field (placed in the app bar) and, above the table, the sources toggle,
 * one chip per platform, the "Needs attention" toggle and the "13 of 16 functions" count.
 */
public final class FilterBar {

    /** Below this width of the bar the platform chips show their icons only. */
    private static final double ICONS_ONLY = 820;

    private final CustomTextField field = new CustomTextField();
    private final ObservableSet<Platform> platforms = FXCollections.observableSet(EnumSet.noneOf(Platform.class));
    private final Label count = new Label();
    private final ToggleButton attention = new ToggleButton("Needs attention");
    /** Bumped when the attention rule's facts changed: the table is filtered again while the toggle is on. */
    private final LongProperty attentionFacts = new SimpleLongProperty();
    private final ToggleButton sources = new ToggleButton(null, Icons.of(MaterialDesignF.FILE_TREE_OUTLINE));
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

        attention.setId("attention-toggle");
        attention.getStyleClass().addAll("attention-toggle", Styles.SMALL);
        attention.setGraphic(Icons.of(MaterialDesignA.ALERT_OUTLINE));
        attention.setFocusTraversable(false);
        attention.setMinWidth(Region.USE_PREF_SIZE);

        sources.setId("sources-toggle");
        sources.getStyleClass().addAll("sources-toggle", Styles.SMALL);
        sources.setTooltip(new Tooltip("Show or hide the sources (contexts and regions) on the left"));
        sources.setFocusTraversable(false);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        bar = new HBox(8, sources, chips, attention, spacer, count);
        // a narrow bar keeps the chips' icons (their names are in the tooltips) rather than cutting every name
        bar.widthProperty().addListener((obs, was, width) -> chips.getChildren().forEach(chip ->
                ((ToggleButton) chip).setContentDisplay(width.doubleValue() < ICONS_ONLY ? ContentDisplay.GRAPHIC_ONLY
                        : ContentDisplay.LEFT)));
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

    /** Pressed while the source tree is shown. */
    public ToggleButton sourcesToggle() {
        return sources;
    }

    /**
     * Says how many functions need attention and what counts, e.g. "Needs attention (4)".
     *
     * @param rule the threshold named in the tooltip
     */
    public void showAttention(long functions, Attention rule) {
        attention.setText("Needs attention (" + functions + ")");
        attention.setTooltip(new Tooltip("Only functions that are down or degraded, fail more than "
                + rule.thresholdText() + " of their requests, whose source stopped answering, or with a canary under way"));
    }

    /** Filters again on the attention rule's latest facts, when the toggle is on (a row's own change needs no call). */
    public void attentionChanged() {
        if (attention.isSelected()) {
            attentionFacts.set(attentionFacts.get() + 1);
        }
    }

    /** The query, the chosen platforms, the scope and the attention toggle, recomputed whenever one changes. */
    public ObjectBinding<FunctionFilter> filter(ObservableValue<Scope> scope, Predicate<ServerlessFunction> needsAttention) {
        return Bindings.createObjectBinding(
                () -> new FunctionFilter(FunctionQuery.parse(field.getText()), platforms, scope.getValue(),
                        attention.isSelected() ? needsAttention : FunctionFilter.ANY),
                field.textProperty(), platforms, scope, attention.selectedProperty(), attentionFacts);
    }
}
