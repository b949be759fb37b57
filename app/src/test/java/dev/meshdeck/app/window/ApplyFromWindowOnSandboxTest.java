package dev.meshdeck.app.window;

import static dev.meshdeck.app.window.WindowWait.until;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.app.wiring.Sources;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.views.MainWindow;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue #5 in the window, on the embedded sandbox: Apply the order-function canary at 50% from the editor,
 * review and confirm, read the VirtualService back, see it in the History window, roll it back from there and
 * read 90/10 back again; and a change made behind the draft's back is a conflict shown three ways, nothing
 * written. Set {@code -Dmeshdeck.screenshots=DIR} to save the review dialog and the history window as PNG.
 */
@ExtendWith(ApplicationExtension.class)
class ApplyFromWindowOnSandboxTest {

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
    void canaryAppliedFromTheEditorIsInTheHistoryAndRollsBack(FxRobot robot) throws Exception {
        editOrderFunctionAt50(robot);

        robot.clickOn("#apply-button");
        Parent review = awaitConfirmable(robot);
        String diff = onFx(() -> robot.from(review).lookup("#diff-unified").queryAs(CodeArea.class).getText());
        assertThat(diff).containsPattern("(?m)^-\\s+weight: 90$").containsPattern("(?m)^\\+\\s+weight: 50$");
        robot.interact(() -> robot.from(review).lookup("#review-reason").queryAs(TextField.class).setText("canary 50%"));
        Screenshots.save(review, "apply-review.png");
        robot.interact(() -> button(robot, review, "#review-confirm").fire());
        until(() -> outcome(robot, review).startsWith("Applied and verified"));

        assertThat(weights()).containsExactly(50L, 50L);
        robot.interact(() -> button(robot, review, "#review-cancel").fire());
        until(() -> !window.editor().session().dirty());

        robot.interact(() -> robot.lookup("#history-button").queryAs(Button.class).fire());
        TableView<HistoryEntry> table = historyTable(robot);
        until(() -> table.getItems().size() == 1);
        HistoryEntry applied = table.getItems().get(0);
        assertThat(applied.reason()).isEqualTo("canary 50%");
        assertThat(applied.relatesTo()).as("an apply undoes nothing").isNull();
        assertThat(applied.target()).isEqualTo(new dev.meshdeck.core.changes.WriteTarget.KubeContext(sandboxContext()));
        assertThat(applied.changes().summary()).isEqualTo("update VirtualService serverless/order-function");

        robot.interact(() -> {
            table.getSelectionModel().select(0);
            robot.lookup("#history-rollback").queryAs(Button.class).fire();
        });
        Parent rollback = awaitConfirmable(robot);
        robot.interact(() -> button(robot, rollback, "#review-confirm").fire());
        until(() -> outcome(robot, rollback).startsWith("Applied and verified"));

        assertThat(weights()).containsExactly(90L, 10L);
        until(() -> table.getItems().size() == 2);
        assertThat(table.getItems().get(0).relatesTo()).isEqualTo(applied.id());
        assertThat(table.getItems().get(0).reason()).isEqualTo("rollback of change set " + applied.id());
        robot.interact(() -> button(robot, rollback, "#review-cancel").fire());
        robot.interact(() -> table.getSelectionModel().select(1));
        Screenshots.save(table.getScene().getRoot(), "history.png");
        assertThat(onFx(() -> table.getColumns().get(5).getCellData(1))).isEqualTo("applied, rolled back by " + (applied.id() + 1));
    }

    @Test
    void aChangeBehindTheDraftsBackIsAConflictShownThreeWaysAndNothingIsWritten(FxRobot robot) throws Exception {
        editOrderFunctionAt50(robot);
        // someone else moves the canary to 20% after the draft was made
        Resource<GenericKubernetesResource> vs = client.genericKubernetesResources("networking.istio.io/v1", "VirtualService")
                .inNamespace("serverless").withName("order-function");
        vs.edit(r -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> route = (List<Map<String, Object>>) ((List<Map<String, Object>>) ((Map<String, Object>)
                    r.getAdditionalProperties().get("spec")).get("http")).get(0).get("route");
            route.get(0).put("weight", 80);
            route.get(1).put("weight", 20);
            return r;
        });

        robot.clickOn("#apply-button");
        until(() -> robot.lookup("#review-outcome").tryQuery().map(n -> ((Label) n).getText().startsWith("Conflict"))
                .orElse(false));
        Parent review = (Parent) robot.lookup("#review-dialog").query();
        String theirs = onFx(() -> robot.from(review).lookup("#conflict-theirs").lookup("#diff-unified")
                .queryAs(CodeArea.class).getText());
        String mine = onFx(() -> robot.from(review).lookup("#conflict-mine").lookup("#diff-unified")
                .queryAs(CodeArea.class).getText());
        assertThat(theirs).contains("--- base", "+++ live").containsPattern("(?m)^\\+\\s+weight: 80$");
        assertThat(mine).contains("+++ mine").containsPattern("(?m)^\\+\\s+weight: 50$");
        assertThat(onFx(() -> button(robot, review, "#review-confirm").isDisabled())).isTrue();
        assertThat(onFx(() -> button(robot, review, "#review-rebase").isVisible()))
                .as("both changed the weights: no rebase").isFalse();

        Screenshots.save(review, "apply-conflict.png");
        assertThat(weights()).containsExactly(80L, 20L);
        assertThat(new WindowChanges(sources).history().entries()).isEmpty();
        assertThat(onFx(() -> window.editor().session().dirty())).as("the draft is kept to edit again").isTrue();
    }

    private void editOrderFunctionAt50(FxRobot robot) throws Exception {
        until(() -> window.select("order-function"));
        robot.interact(window::edit);
        until(() -> window.editor().function() != null && window.editor().trafficModel().isPresent());
        robot.clickOn("#preset-50");
        until(() -> window.editor().activeDraft() != null && window.editor().activeDraft().candidateYaml().contains("weight: 50"));
        until(() -> !robot.lookup("#apply-button").queryAs(Button.class).isDisabled());
    }

    /** The review dialog once its plan is ready to confirm. */
    private static Parent awaitConfirmable(FxRobot robot) throws Exception {
        until(() -> robot.lookup("#review-confirm").tryQuery().map(n -> !n.isDisabled() && n.isVisible()).orElse(false));
        return (Parent) robot.lookup("#review-dialog").match(Node::isVisible).query();
    }

    private static String outcome(FxRobot robot, Parent review) {
        Label label = robot.from(review).lookup("#review-outcome").queryAs(Label.class);
        return label.isVisible() ? label.getText() : "";
    }

    @SuppressWarnings("unchecked")
    private static TableView<HistoryEntry> historyTable(FxRobot robot) throws Exception {
        until(() -> robot.lookup("#history-table").tryQuery().isPresent());
        return robot.lookup("#history-table").queryAs(TableView.class);
    }

    private static Button button(FxRobot robot, Parent root, String id) {
        return robot.from(root).lookup(id).queryAs(Button.class);
    }

    /** The order-function VirtualService's weights as the sandbox holds them now. */
    private List<Long> weights() {
        GenericKubernetesResource r = client.genericKubernetesResources("networking.istio.io/v1", "VirtualService")
                .inNamespace("serverless").withName("order-function").get();
        JsonNode tree = Serialization.jsonMapper().valueToTree(r);
        List<Long> weights = new ArrayList<>();
        tree.at("/spec/http/0/route").forEach(d -> weights.add(d.path("weight").asLong()));
        return weights;
    }

    private String sandboxContext() {
        return client.getConfiguration().getCurrentContext().getName();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

}
