package dev.meshdeck.views.shell;

import atlantafx.base.theme.Styles;
import dev.meshdeck.views.WindowOptions;
import dev.meshdeck.views.common.Icons;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import java.util.List;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/** The top of the window: title, light/dark switch and, on the sandbox estate, a banner that says so. */
public final class AppBar {

    private final VBox root;
    private final Button themeToggle = new Button();
    private final HBox bar;
    /** Held here: the theme outlives the window, and listens to it only weakly. */
    private final ChangeListener<Theme> followTheme = (o, was, now) -> showSwitch(now);

    /** @param search shown in the middle of the bar */
    public AppBar(WindowOptions options, Node search) {
        Label title = new Label(options.title(), Icons.of(MaterialDesignH.HEXAGON_MULTIPLE, "app-logo"));
        title.setId("app-title");
        title.getStyleClass().add("app-title");
        Label subtitle = new Label("Serverless functions through the mesh");
        subtitle.getStyleClass().addAll("app-subtitle", Styles.TEXT_MUTED);
        Region left = new Region();
        Region right = new Region();
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);

        themeToggle.setId("theme-toggle");
        themeToggle.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        themeToggle.setOnAction(e -> Theme.current().get().other().apply());

        bar = new HBox(10, title, subtitle, left, search, right, themeToggle);
        // The title and the actions keep their full text; the filter shrinks, and the tagline goes first.
        title.setMinWidth(Region.USE_PREF_SIZE);
        subtitle.visibleProperty().bind(bar.widthProperty().greaterThan(1400));
        subtitle.managedProperty().bind(subtitle.visibleProperty());
        bar.getStyleClass().add("app-bar");
        root = new VBox(bar);
        if (options.sandboxBanner()) {
            root.getChildren().add(banner(options.bannerText()));
        }
        // the switch shows the theme it leads to, whoever switched (the palette, the saved preferences)
        Theme.current().addListener(new WeakChangeListener<>(followTheme));
        showSwitch(Theme.current().get());
    }

    public Node node() {
        return root;
    }

    /** Shows the AWS profile and region picker beside the theme switch. */
    public void showAwsTargets(AwsTargetMenu menu) {
        keepWhole(menu.node());
        bar.getChildren().add(bar.getChildren().indexOf(themeToggle), menu.node());
    }

    /** Adds window-wide actions (History, Undo last action) before the theme switch. */
    public void addActions(Node... actions) {
        List.of(actions).forEach(AppBar::keepWhole);
        bar.getChildren().addAll(bar.getChildren().indexOf(themeToggle), List.of(actions));
    }

    private static void keepWhole(Node node) {
        if (node instanceof Region region) {
            region.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    private static Node banner(String text) {
        Label badge = new Label("Sandbox", Icons.of(MaterialDesignF.FLASK_OUTLINE, "sandbox-icon"));
        badge.getStyleClass().add("sandbox-badge");
        Label explanation = new Label(text);
        explanation.getStyleClass().add("sandbox-text");
        explanation.setWrapText(true);
        HBox banner = new HBox(12, badge, explanation);
        banner.setId("sandbox-banner");
        banner.getStyleClass().add("sandbox-banner");
        return banner;
    }

    private void showSwitch(Theme theme) {
        boolean toDark = theme == Theme.LIGHT;
        themeToggle.setGraphic(Icons.of(toDark ? MaterialDesignW.WEATHER_NIGHT : MaterialDesignW.WEATHER_SUNNY));
        themeToggle.setTooltip(new Tooltip(toDark ? "Switch to the dark theme" : "Switch to the light theme"));
    }
}
