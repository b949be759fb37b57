package dev.meshdeck.app.window;

import static dev.meshdeck.app.window.WindowWait.until;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.app.wiring.Sources;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.changes.history.Action;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.failover.FailoverTargets;
import dev.meshdeck.core.topology.EdgeKind;
import dev.meshdeck.core.topology.NodeKind;
import dev.meshdeck.core.topology.TopologyEdge;
import dev.meshdeck.core.workloads.FunctionPod;
import dev.meshdeck.views.MainWindow;
import dev.meshdeck.views.workloads.WorkloadsModel;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue #5's failover in the window, on the embedded sandbox: Fail over… payment-function with its configured
 * backup preselected, confirm in the review, read the VirtualService back (100% to payment-function-backup) and
 * see a FAILOVER in the history; Fail back and read back exactly the routing before. And a bulk failover of
 * the payments namespace lists a result per function. {@code -Dmeshdeck.screenshots=DIR} saves the dialogs.
 */
@ExtendWith(ApplicationExtension.class)
class FailoverFromWindowOnSandboxTest {

    @TempDir
    Path data;
    private SandboxWindow sandbox;
    private Sources sources;
    private KubernetesClient client;
    private MainWindow window;

    /** A fresh sandbox and history per test. */
    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxWindow.open(data);
        sources = sandbox.sources;
        client = sandbox.client;
        window = sandbox.window;
    }

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
    }

    @Test
    void paymentFunctionFailsOverToItsBackupAndBackToExactlyTheRoutingBefore(FxRobot robot) throws Exception {
        JsonNode before = virtualServiceSpec();
        until(() -> window.select("payment-function"));
        until(() -> enabled(robot, "#failover-button"));
        assertThat(onFx(() -> robot.lookup("#failback-button").queryAs(Button.class).isDisabled()))
                .as("nothing to fail back from yet").isTrue();

        robot.interact(() -> robot.lookup("#failover-button").queryAs(Button.class).fire());
        until(() -> robot.lookup("#failover-dialog").tryQuery().isPresent());
        Parent dialog = robot.lookup("#failover-dialog").query();
        FailoverTargets.Option chosen = onFx(() -> (FailoverTargets.Option) robot.from(dialog).lookup("#failover-targets")
                .queryAs(ListView.class).getSelectionModel().getSelectedItem());
        assertThat(chosen.configured()).as("the configured backup is preselected").isTrue();
        assertThat(chosen.target()).hasToString("host:payment-function-backup");
        robot.interact(() -> robot.from(dialog).lookup("#failover-reason").queryAs(TextField.class).setText("INC-42 primary down"));
        Screenshots.save(dialog, "failover-dialog.png");
        robot.interact(() -> button(robot, dialog, "#failover-review").fire());

        Parent review = awaitConfirmable(robot);
        assertThat(onFx(() -> robot.from(review).lookup("#review-reason").queryAs(TextField.class).getText()))
                .isEqualTo("INC-42 primary down");
        robot.interact(() -> button(robot, review, "#review-confirm").fire());
        until(() -> outcome(robot, review).startsWith("Applied and verified"));
        robot.interact(() -> button(robot, review, "#review-cancel").fire());

        JsonNode failedOver = virtualServiceSpec();
        for (JsonNode route : failedOver.path("http")) {
            assertThat(route.path("route")).hasSize(1);
            assertThat(route.at("/route/0/destination/host").asText()).isEqualTo("payment-function-backup");
        }
        HistoryEntry failover = new WindowChanges(sources).history().entries().get(0);
        assertThat(failover.action()).isEqualTo(Action.FAILOVER);
        assertThat(failover.subject()).isEqualTo("kubernetes payments/payment-function");
        assertThat(failover.reason()).isEqualTo("INC-42 primary down");

        until(() -> enabled(robot, "#failback-button"));
        assertThat(onFx(() -> robot.lookup("#failback-button").queryAs(Button.class).getTooltip().getText()))
                .contains("change set " + failover.id());
        Screenshots.save(robot.lookup("#failback-button").queryAs(Button.class).getScene().getRoot(), "failover-window.png");
        robot.interact(() -> robot.lookup("#failback-button").queryAs(Button.class).fire());
        Parent failback = awaitConfirmable(robot);
        robot.interact(() -> button(robot, failback, "#review-confirm").fire());
        until(() -> outcome(robot, failback).startsWith("Applied and verified"));

        assertThat(virtualServiceSpec()).isEqualTo(before);
        HistoryEntry back = new WindowChanges(sources).history().entries().get(0);
        assertThat(back.action()).isEqualTo(Action.FAILBACK);
        assertThat(back.relatesTo()).isEqualTo(failover.id());
    }

    @Test
    void lambdaInvoicePdfFailsOverToItsMeshFallbackForTheMeshCallersAndBack(FxRobot robot) throws Exception {
        until(() -> window.select("invoice-pdf"));
        until(() -> enabled(robot, "#failover-button"));

        robot.interact(() -> robot.lookup("#failover-button").queryAs(Button.class).fire());
        until(() -> robot.lookup("#failover-dialog").tryQuery().isPresent());
        Parent dialog = robot.lookup("#failover-dialog").query();
        FailoverTargets.Option chosen = onFx(() -> (FailoverTargets.Option) robot.from(dialog).lookup("#failover-targets")
                .queryAs(ListView.class).getSelectionModel().getSelectedItem());
        assertThat(chosen.target()).hasToString("host:invoice-pdf-fallback.payments.svc.cluster.local");
        robot.interact(() -> button(robot, dialog, "#failover-review").fire());
        Parent review = awaitConfirmable(robot);
        robot.interact(() -> button(robot, review, "#review-confirm").fire());
        until(() -> outcome(robot, review).startsWith("Applied and verified"));
        robot.interact(() -> button(robot, review, "#review-cancel").fire());

        JsonNode route = Serialization.jsonMapper().valueToTree(client.genericKubernetesResources("networking.istio.io/v1",
                "VirtualService").inNamespace("payments").withName("invoice-pdf-failover").get());
        assertThat(route.at("/spec/http/0/route/0/destination/host").asText())
                .isEqualTo("invoice-pdf-fallback.payments.svc.cluster.local");
        HistoryEntry failover = new WindowChanges(sources).history().entries().get(0);
        assertThat(failover.subject()).isEqualTo("lambda invoice-pdf");
        until(() -> failoverEdgeOfInvoicePdf().isPresent());
        assertThat(failoverEdgeOfInvoicePdf().get().to()).as("the graph's failover edge goes to the function in the cluster")
                .isEqualTo(nodeNamed("invoice-pdf-fallback"));

        until(() -> enabled(robot, "#failback-button"));
        robot.interact(() -> robot.lookup("#failback-button").queryAs(Button.class).fire());
        Parent failback = awaitConfirmable(robot);
        robot.interact(() -> button(robot, failback, "#review-confirm").fire());
        until(() -> outcome(robot, failback).startsWith("Applied and verified"));

        assertThat(client.genericKubernetesResources("networking.istio.io/v1", "VirtualService").inNamespace("payments")
                .withName("invoice-pdf-failover").get()).isNull();
        until(() -> failoverEdgeOfInvoicePdf().isEmpty());
    }

    private Optional<TopologyEdge> failoverEdgeOfInvoicePdf() throws Exception {
        String invoicePdf = nodeNamed("invoice-pdf");
        return onFx(() -> window.topology().model().edges().stream()
                .filter(e -> e.from().equals(invoicePdf) && e.kind() == EdgeKind.FAILOVER).findFirst());
    }

    private String nodeNamed(String function) throws Exception {
        return onFx(() -> window.topology().model().nodes().stream()
                .filter(n -> n.kind() == NodeKind.FUNCTION && n.label().equals(function)).findFirst().orElseThrow().id());
    }

    @Test
    void bulkFailoverOfThePaymentsNamespaceShowsAResultPerFunction(FxRobot robot) throws Exception {
        until(() -> window.select("payment-function"));
        robot.interact(() -> robot.lookup("#filter-field").queryAs(TextField.class).setText("ns:payments"));
        robot.interact(() -> robot.lookup("#bulk-failover-button").queryAs(Button.class).fire());
        until(() -> robot.lookup("#bulk-failover-dialog").tryQuery().isPresent());
        Parent dialog = robot.lookup("#bulk-failover-dialog").query();
        assertThat(onFx(() -> robot.from(dialog).lookup("#bulk-question").queryAs(Label.class).getText()))
                .startsWith("Fail over 4 functions to each one's configured backup");
        robot.interact(() -> robot.from(dialog).lookup("#bulk-reason").queryAs(TextField.class).setText("payments drill"));
        robot.interact(() -> button(robot, dialog, "#bulk-start").fire());
        until(() -> !robot.from(dialog).lookup("#bulk-summary").queryAs(Label.class).getText().isEmpty());

        assertThat(onFx(() -> robot.from(dialog).lookup("#bulk-summary").queryAs(Label.class).getText()))
                .isEqualTo("4 function(s): 1 failed over, 0 not failed over, 3 skipped");
        List<String> lines = onFx(() -> robot.from(dialog).lookup("#bulk-results").queryAs(ListView.class).getItems()
                .stream().map(String::valueOf).toList());
        assertThat(lines).hasSize(4).contains(
                "kubernetes payments/payment-function -> host:payment-function-backup: failed over");
        assertThat(lines).filteredOn(l -> l.contains("skipped: no configured failover target")).hasSize(3);
        Screenshots.save(dialog, "bulk-failover.png");
        assertThat(virtualServiceSpec().at("/http/0/route/0/destination/host").asText()).isEqualTo("payment-function-backup");
        HistoryEntry entry = new WindowChanges(sources).history().entries().get(0);
        assertThat(entry.action()).isEqualTo(Action.FAILOVER);
        assertThat(entry.reason()).isEqualTo("payments drill");
    }

    @Test
    void aBadImagePushedWithKubectlIsRolledBackFromThePodsTab(FxRobot robot) throws Exception {
        String good = image();
        client.apps().deployments().inNamespace("payments").withName("payment-function").edit(d -> {
            d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("ghcr.io/meshdeck/payment-function:bad");
            return d;
        });
        until(() -> window.select("payment-function"));
        robot.interact(window::showWorkloads);
        @SuppressWarnings("unchecked")
        TableView<WorkloadsModel.RevisionRow> revisions = robot.lookup("#revisions-table").queryAs(TableView.class);
        until(() -> revisions.getItems().size() == 2);

        robot.interact(() -> revisions.getSelectionModel().select(0));
        assertThat(onFx(() -> robot.lookup("#rollback-revision").queryAs(Button.class).isDisabled()))
                .as("the running revision is not offered").isTrue();
        robot.interact(() -> revisions.getSelectionModel().select(1));
        robot.interact(() -> robot.lookup("#rollback-revision").queryAs(Button.class).fire());
        Parent review = awaitConfirmable(robot);
        robot.interact(() -> button(robot, review, "#review-confirm").fire());
        until(() -> outcome(robot, review).startsWith("Applied and verified"));
        robot.interact(() -> button(robot, review, "#review-cancel").fire());

        assertThat(image()).isEqualTo(good);
        until(() -> revisions.getItems().size() == 2 && revisions.getItems().get(0).revision().number() == 3
                && revisions.getItems().get(0).revision().current());
    }

    @Test
    void aPodDeletedFromThePodsTabIsReplacedAndRecorded(FxRobot robot) throws Exception {
        until(() -> window.select("payment-function"));
        robot.interact(window::showWorkloads);
        @SuppressWarnings("unchecked")
        TableView<FunctionPod> pods = robot.lookup("#pods-table").queryAs(TableView.class);
        until(() -> pods.getItems().size() == 2);
        FunctionPod stuck = onFx(() -> pods.getItems().get(0));

        // the row menu's item after its confirmation: the confirmation itself is a plain Alert
        robot.interact(() -> window.workloads().model().deletePod(stuck));
        Parent review = awaitConfirmable(robot);
        robot.interact(() -> button(robot, review, "#review-confirm").fire());
        until(() -> outcome(robot, review).startsWith("Applied and verified"));
        robot.interact(() -> button(robot, review, "#review-cancel").fire());

        until(() -> pods.getItems().size() == 2 && pods.getItems().stream().noneMatch(p -> p.name().equals(stuck.name())));
        assertThat(client.pods().inNamespace("payments").withName(stuck.name()).get()).isNull();
        assertThat(new WindowChanges(sources).history().entries().get(0).changes().summary())
                .isEqualTo("delete Pod payments/" + stuck.name());
    }

    private String image() {
        return client.apps().deployments().inNamespace("payments").withName("payment-function").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private static boolean enabled(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> !n.isDisabled()).orElse(false);
    }

    private static Parent awaitConfirmable(FxRobot robot) throws Exception {
        until(() -> robot.lookup("#review-confirm").tryQuery().map(n -> !n.isDisabled() && n.isVisible()).orElse(false));
        return (Parent) robot.lookup("#review-dialog").match(Node::isVisible).query();
    }

    private static String outcome(FxRobot robot, Parent review) {
        Label label = robot.from(review).lookup("#review-outcome").queryAs(Label.class);
        return label.isVisible() ? label.getText() : "";
    }

    private static Button button(FxRobot robot, Parent root, String id) {
        return robot.from(root).lookup(id).queryAs(Button.class);
    }

    private JsonNode virtualServiceSpec() {
        return Serialization.jsonMapper().valueToTree(client.genericKubernetesResources("networking.istio.io/v1",
                "VirtualService").inNamespace("payments").withName("payment-function").get()).path("spec");
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

}
