package dev.meshdeck.views.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.core.telemetry.MetricsStatus;
import java.time.Instant;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The source tree lists the graph's telemetry sources with their states, under "Telemetry" after the functions'. */
@ExtendWith(ApplicationExtension.class)
class SourceTreeTest {

    private static final Instant HEARD = Instant.parse("2026-12-07T14:03:12Z");

    private SourceTree tree;

    @Start
    void start(Stage stage) {
        tree = new SourceTree();
        tree.update(List.of());
        stage.setScene(new Scene(tree.node(), 320, 400));
        stage.show();
    }

    @Test
    void eachTelemetrySourceIsARowWithItsStateAndOnlyWhileThereAreAny(FxRobot robot) {
        MetricsStatus prometheus = new MetricsStatus("prometheus http://127.0.0.1:9090", SourceStatus.State.STALE,
                "connection refused", HEARD.plusSeconds(5), HEARD);
        MetricsStatus cloudWatch = new MetricsStatus("cloudwatch eu-west-1", SourceStatus.State.CONNECTED, "", HEARD, HEARD);

        robot.interact(() -> tree.showMetrics(List.of(prometheus, cloudWatch)));

        List<TreeItem<SourceTree.Entry>> roots = tree.node().getRoot().getChildren();
        TreeItem<SourceTree.Entry> telemetry = roots.get(roots.size() - 1);
        assertThat(telemetry.getValue().heading()).isEqualTo("Telemetry");
        assertThat(telemetry.getChildren()).extracting(i -> i.getValue().metrics()).containsExactly(prometheus, cloudWatch);

        MetricsStatus back = new MetricsStatus(prometheus.source(), SourceStatus.State.CONNECTED, "", HEARD.plusSeconds(9),
                HEARD.plusSeconds(9));
        robot.interact(() -> tree.showMetrics(List.of(back, cloudWatch)));
        assertThat(telemetry.getChildren()).extracting(i -> i.getValue().metrics().state())
                .containsExactly(SourceStatus.State.CONNECTED, SourceStatus.State.CONNECTED);

        robot.interact(() -> tree.showMetrics(List.of()));
        assertThat(tree.node().getRoot().getChildren()).noneMatch(i -> "Telemetry".equals(i.getValue().heading()));
    }
}
