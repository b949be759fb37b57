package dev.meshdeck.views.shell;

import atlantafx.base.theme.Styles;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.views.common.Icons;
import dev.meshdeck.views.inventory.InventoryModel;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Above the table and the graph: one line per source that does not answer (or answers poorly), saying since when,
 * why, as of when its data is, and that writes to it are refused; once it answers again, one line saying so with
 * what changed meanwhile, until dismissed. Hidden while every source is well.
 */
public final class SourceBanner {

    private final InventoryModel model;
    private final ZoneId zone;
    private final VBox banner = new VBox();

    public SourceBanner(InventoryModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
        banner.setId("source-banner");
        banner.getStyleClass().add("source-banner");
        model.revisionProperty().addListener(o -> refresh());
        refresh();
    }

    public Node node() {
        return banner;
    }

    private void refresh() {
        List<Node> lines = new ArrayList<>();
        for (SourceStatus status : model.troubled()) {
            lines.add(line(status, text(status)));
        }
        List<SourceStatus> back = model.reconnected();
        for (SourceStatus status : back) {
            Button dismiss = new Button(null, Icons.of(MaterialDesignC.CLOSE));
            dismiss.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
            dismiss.setOnAction(e -> model.dismissReconnected(status.source()));
            HBox row = new HBox(6, line(status, status.source().label() + ": " + status.message()), dismiss);
            HBox.setHgrow(row.getChildren().get(0), Priority.ALWAYS);
            lines.add(row);
        }
        banner.getChildren().setAll(lines);
        boolean shown = !lines.isEmpty();
        banner.setVisible(shown);
        banner.setManaged(shown);
        banner.getStyleClass().remove("reconnected");
        if (shown && model.troubled().isEmpty()) {
            banner.getStyleClass().add("reconnected");
        }
    }

    private Label line(SourceStatus status, String text) {
        Label line = new Label(text, Icons.state(status.state()));
        line.getStyleClass().addAll("source-banner-line", Icons.styleClass(status.state()));
        line.setMaxWidth(Double.MAX_VALUE);
        return line;
    }

    /**
     * "prod-eu is not answering since 14:03:12 — data as of 14:03:09, writes refused until it answers: reason". What to
     * act on comes first: a narrow window cuts the reason, which the status bar's tooltip also holds.
     */
    private String text(SourceStatus status) {
        String since = " since " + SourceStatus.clock(status.since(), zone);
        String label = status.source().label();
        String age = status.asOf(zone).map(a -> "data " + a + ", ").orElse("");
        switch (status.state()) {
            case DEGRADED:
                return label + " answers poorly" + since + ": " + status.message();
            case STALE:
                return label + " is not answering" + since + " — " + age + "writes refused until it answers: " + status.message();
            default:
                return label + " has failed" + since + " — " + age + "writes refused: " + status.message();
        }
    }
}
