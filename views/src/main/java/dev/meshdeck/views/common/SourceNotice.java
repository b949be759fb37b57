package dev.meshdeck.views.common;

import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.views.inventory.SourceHealth;
import java.time.ZoneId;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * One line over a pane that shows a function: "prod-eu is not answering since 14:03:12 — data as of 14:03:09; changes
 * cannot be applied (…)" while the function's source is stale or failed, so what the pane shows is not read as live.
 * Hidden otherwise. FX thread.
 */
public final class SourceNotice {

    private final Label line = new Label();
    private final ZoneId zone;
    private SourceHealth health;
    private SourceRef source;

    public SourceNotice(String id, ZoneId zone) {
        this.zone = zone;
        line.setId(id);
        line.getStyleClass().add("source-notice");
        line.setWrapText(true);
        line.setMaxWidth(Double.MAX_VALUE);
        line.managedProperty().bind(line.visibleProperty());
        refresh();
    }

    public Node node() {
        return line;
    }

    /** Where the states come from; the line follows their changes from now on. */
    public void watch(SourceHealth sourceHealth) {
        this.health = sourceHealth;
        sourceHealth.addListener(this::refresh);
        refresh();
    }

    /** The source of the function the pane shows now (null: none). */
    public void show(SourceRef shown) {
        this.source = shown;
        refresh();
    }

    /** The line shown now; empty while hidden. */
    public Optional<String> text() {
        return line.isVisible() ? Optional.of(line.getText()) : Optional.empty();
    }

    private void refresh() {
        SourceStatus status = health == null || source == null ? null : health.statusOf(source);
        Optional<String> text = status == null ? Optional.empty() : status.notAnswering(zone);
        line.getStyleClass().removeAll(Icons.styleClass(SourceStatus.State.STALE), Icons.styleClass(SourceStatus.State.FAILED));
        line.setText(text.orElse(""));
        line.setGraphic(text.isPresent() ? Icons.state(status.state()) : null);
        text.ifPresent(t -> line.getStyleClass().add(Icons.styleClass(status.state())));
        line.setVisible(text.isPresent());
    }
}
