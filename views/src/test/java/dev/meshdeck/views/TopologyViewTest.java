package dev.meshdeck.views;

import static dev.meshdeck.views.FxWait.onFx;
import static dev.meshdeck.views.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.telemetry.EdgeKey;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TelemetryException;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TelemetrySource;
import dev.meshdeck.core.telemetry.TrafficStats;
import dev.meshdeck.core.topology.TopologyFilter;
import dev.meshdeck.core.topology.TopologyModel;
import dev.meshdeck.views.topology.TopologyView;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import javafx.geometry.Point2D;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.w3c.dom.Document;

@ExtendWith(ApplicationExtension.class)
class TopologyViewTest {

    private static final String ORDER = TopologyModel.nodeId(new FunctionId(FakeCatalog.SANDBOX, Platform.KUBERNETES, "serverless", "order-function"));
    private static final String WEB = TopologyModel.nodeId(new FunctionId(FakeCatalog.SANDBOX, Platform.KUBERNETES, "frontend", "web-bff"));
    private static final String PAYMENT = TopologyModel.nodeId(new FunctionId(FakeCatalog.SANDBOX, Platform.KUBERNETES, "payments", "payment-function"));

    /** Traffic from web-bff to order-function's versions; after the first poll Prometheus is unreachable. */
    private static final class FakeTelemetry implements TelemetrySource {
        final AtomicBoolean up = new AtomicBoolean(true);

        @Override
        public String name() {
            return "prometheus http://127.0.0.1:9090";
        }

        @Override
        public TelemetrySnapshot fetch(Duration window) throws TelemetryException {
            if (!up.get()) {
                throw new TelemetryException("connection refused");
            }
            ServiceRef web = new ServiceRef(FakeCatalog.SANDBOX.id(), "frontend", "web-bff");
            ServiceRef order = new ServiceRef(FakeCatalog.SANDBOX.id(), "serverless", "order-function");
            ServiceRef payment = new ServiceRef(FakeCatalog.SANDBOX.id(), "payments", "payment-function");
            return new TelemetrySnapshot(Instant.now(), Map.of(
                    new EdgeKey(web, order, ""), new TrafficStats(42, 0.01, 85),
                    new EdgeKey(web, order, "order-function-v1"), new TrafficStats(37.8, 0.005, 80),
                    new EdgeKey(web, order, "order-function-v2"), new TrafficStats(4.2, 0.06, 130),
                    new EdgeKey(web, payment, ""), new TrafficStats(8, 0.09, 240)),
                    Map.of(payment, new TrafficStats(8, 0.09, 240)));
        }
    }

    private final FakeTelemetry telemetry = new FakeTelemetry();
    private FakeCatalog catalog;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        catalog = FakeCatalog.estate();
        window = new MainWindow(catalog, WindowOptions.sandbox("MeshDeck"));
        window.setTelemetry(telemetry, Duration.ofMillis(300));
        window.show(stage);
        window.showTopology();
    }

    @Stop
    void stop() {
        window.topology().close();
        catalog.close();
    }

    private TopologyView view() {
        return window.topology();
    }

    @BeforeEach
    void laidOut() throws Exception {
        until(() -> view().layout().position(ORDER) != null && view().layout().position(PAYMENT) != null
                && view().model().edge(WEB, ORDER) != null);
    }

    private Color pixel(Point2D at) throws Exception {
        return onFx(() -> {
            view().drawNow();
            WritableImage image = view().canvas().snapshot(null, null);
            return image.getPixelReader().getColor((int) at.getX(), (int) at.getY());
        });
    }

    @Test
    void drawsEveryFunctionWithTrafficFiguresOnItsEdges() throws Exception {
        assertThat(onFx(() -> view().visibleNodes().containsAll(java.util.List.of(ORDER, WEB, PAYMENT)))).isTrue();
        Point2D centre = onFx(() -> view().screenPosition(ORDER));
        assertThat(pixel(centre)).isNotEqualTo(Color.web("#f8fafc"));
        assertThat(onFx(() -> view().model().edge(WEB, ORDER).observed().requestsPerSecond())).isEqualTo(42);
        assertThat(onFx(() -> view().model().edge(ORDER, ORDER + "|v|v2").weight())).isEqualTo(10);
    }

    @Test
    void searchHighlightsMatchingNodesAndClickSelectsTheFunction(FxRobot robot) throws Exception {
        robot.clickOn("#topology-search").write("payment-function-b");
        until(() -> view().highlighted().size() == 1);
        String backup = view().highlighted().iterator().next();
        Point2D at = onFx(() -> view().screenPosition(backup));
        double halfWidth = onFx(() -> view().layout().nodeWidth(backup) / 2 * view().scale());
        // the highlight halo shows just outside the node's left edge
        assertThat(pixel(new Point2D(at.getX() - halfWidth - 2, at.getY()))).isEqualTo(Color.web("#facc15"));

        Point2D payment = onFx(() -> view().canvas().localToScreen(view().screenPosition(PAYMENT)));
        robot.clickOn(payment);
        until(() -> view().selectedProperty().get() != null);
        assertThat(view().selectedProperty().get().name()).isEqualTo("payment-function");
    }

    @Test
    void theHealthFilterAndTheFocusDepthReadInWords(FxRobot robot) throws Exception {
        assertThat(onFx(() -> robot.lookup("#topology-health .label").queryAs(Label.class).getText())).isEqualTo("Any health");
        @SuppressWarnings("unchecked")
        ChoiceBox<TopologyFilter.HealthFilter> health = robot.lookup("#topology-health").queryAs(ChoiceBox.class);
        assertThat(onFx(() -> health.getItems().stream().map(health.getConverter()::toString).toList()))
                .containsExactly("Any health", "Healthy", "Unhealthy");
        Label hops = robot.lookup("#topology-hops-label").queryAs(Label.class);
        assertThat(hops.getText()).isEqualTo("Hops");
        assertThat(hops.getLabelFor()).isInstanceOf(Spinner.class);
    }

    @Test
    void focusShowsTheNeighbourhoodOnly(FxRobot robot) throws Exception {
        robot.interact(() -> view().select(WEB));
        robot.interact(() -> view().focus(1));
        assertThat(onFx(() -> view().visibleNodes())).containsExactlyInAnyOrder(WEB, ORDER, PAYMENT);
        robot.interact(() -> view().clearFocus());
        assertThat(onFx(() -> view().visibleNodes().size())).isGreaterThan(FakeCatalog.FUNCTION_COUNT);
    }

    @Test
    void marksTelemetryStaleWhenTheSourceFails() throws Exception {
        telemetry.up.set(false);
        until(() -> ((Label) view().node().lookup("#topology-stale")).getText().equals("Telemetry stale"));
        // the last figures stay on the edges
        assertThat(onFx(() -> view().model().edge(WEB, ORDER).observed().requestsPerSecond())).isEqualTo(42);
    }

    @Test
    void exportsTheWholeGraphAsPngAndSvgWithTheNodeLabels(FxRobot robot, @TempDir Path dir) throws Exception {
        robot.interact(() -> {
            view().zoomAndPan(1 / view().scale(), 0, 0);
            view().search("order-function");
        });
        Path png = dir.resolve("topology.png");
        Path svg = dir.resolve("topology.svg");
        robot.interact(() -> {
            try {
                view().exportPng(png, 2);
                view().exportSvg(svg);
                view().fit();
                view().drawNow();
                // the README's picture (docs/topology.png)
                window.snapshot(Path.of("target/topology.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        BufferedImage image = ImageIO.read(png.toFile());
        // the whole graph at twice its size, not the part the canvas shows
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(view().layout().width() * 2 + 32));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(view().layout().height() * 2 + 32));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(Files.readString(svg)).contains(">order-function<", ">order-function:v2<", ">37.8 rps<");
    }

    @Test
    void hoveringANodeShowsItsFullNameAndFigures(FxRobot robot) throws Exception {
        Point2D payment = onFx(() -> view().canvas().localToScreen(view().screenPosition(PAYMENT)));
        robot.moveTo(payment);
        until(() -> view().hoverText().startsWith("payment-function\n"));
        assertThat(view().hoverText()).contains("Kubernetes · " + FakeCatalog.SANDBOX.label() + " · payments", "Inbound: 8.0 rps");
        assertThat(robot.lookup("#topology-hover").queryAs(Label.class).isVisible()).isTrue();
    }

    @Test
    void theEdgeLabelSwitchAndTheLegendChangeWhatIsDrawn(FxRobot robot, @TempDir Path dir) throws Exception {
        until(() -> view().model().edge(WEB, PAYMENT) != null);
        @SuppressWarnings("unchecked")
        ChoiceBox<Object> labels = robot.lookup("#topology-edge-labels").queryAs(ChoiceBox.class);
        robot.interact(() -> labels.getSelectionModel().select(1));
        assertThat(onFx(() -> labels.getConverter().toString(labels.getValue()))).isEqualTo("Error %");
        robot.clickOn("#topology-legend");
        Path svg = dir.resolve("labels.svg");
        robot.interact(() -> {
            try {
                view().exportSvg(svg);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        // web-bff → payment-function fails 9% of its 8 rps; the legend says what a red edge means
        assertThat(Files.readString(svg)).contains(">9.0% err<", ">errors<").doesNotContain(" rps<");
    }

    @Test
    void aClosedViewFollowsNeitherItsModelNorInventoryEvents() throws Exception {
        ServerlessFunction order = onFx(() -> view().model().functionOf(ORDER));
        assertThat(order.mesh().hasPolicies()).isTrue();
        List<ServerlessFunction> bulk = IntStream.range(0, 250).mapToObj(i -> new ServerlessFunction(
                new FunctionId(FakeCatalog.STAGING, Platform.KUBERNETES, "bulk", "bulk-" + i), List.of(),
                MeshStatus.NOT_IN_MESH, new Health(1, 1, 1, "Ready"), Map.of())).toList();

        onFx(() -> {
            view().close();
            // so many newcomers at once would ask the stopped layout worker for a full layout
            view().model().apply(new InventoryEvent.SourceLoaded(FakeCatalog.STAGING, bulk));
            // a changed function would ask the stopped policy readers for its policies
            view().apply(List.of(new InventoryEvent.FunctionChanged(order)));
            return null;
        });

        assertThat(onFx(view()::isLayingOut)).isFalse();
    }
}
