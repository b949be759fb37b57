package dev.meshdeck.app.window;

import static dev.meshdeck.app.window.WindowWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.editing.Draft;
import dev.meshdeck.core.yaml.YamlRenderer;
import dev.meshdeck.views.MainWindow;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
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
 * Issue 13 in the window, on the embedded sandbox: the order-function route edited to subset v9, which no
 * DestinationRule defines, is refused in the review dialog with MD0302 and nothing is written; its finding jumps
 * to the route in the editor; typing the object's name and a reason forces it, recorded as forced.
 */
@ExtendWith(ApplicationExtension.class)
class WriteGateFromWindowOnSandboxTest {

    @TempDir
    Path data;
    private SandboxWindow sandbox;
    private KubernetesClient client;
    private MainWindow window;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxWindow.open(data);
        client = sandbox.client;
        window = sandbox.window;
    }

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
    }

    @Test
    void aRouteToAnUndefinedSubsetIsRefusedWithItsFindingAndCanOnlyBeForcedWithAReason(FxRobot robot) throws Exception {
        until(() -> window.select("order-function"));
        robot.interact(window::edit);
        until(() -> window.editor().function() != null && window.editor().trafficModel().isPresent());
        Draft vs = onFx(() -> window.editor().activeDraft());
        ObjectNode v9 = vs.candidate().deepCopy();
        ArrayNode route = ((ObjectNode) v9.at("/spec/http/0")).putArray("route");
        route.addObject().put("weight", 100).putObject("destination").put("host", "order-function").put("subset", "v9");
        robot.interact(() -> robot.lookup("#candidate-yaml").queryAs(CodeArea.class).replaceText(YamlRenderer.render(v9)));
        until(() -> !robot.lookup("#apply-button").queryAs(Button.class).isDisabled());
        String before = live();

        robot.clickOn("#apply-button");
        until(() -> robot.lookup("#review-outcome").tryQuery().map(n -> ((Label) n).getText().startsWith("Rejected"))
                .orElse(false));
        Parent review = (Parent) robot.lookup("#review-dialog").match(Node::isVisible).query();
        @SuppressWarnings("unchecked")
        ListView<Object> findings = robot.from(review).lookup("#review-findings").queryAs(ListView.class);
        int md0302 = onFx(() -> findings.getItems().stream().map(String::valueOf).toList().indexOf(
                findings.getItems().stream().map(String::valueOf).filter(l -> l.contains("MD0302")).findFirst().orElse("")));
        assertThat(md0302).as("the findings list").isNotNegative();
        assertThat(onFx(() -> button(robot, review, "#review-confirm").isDisabled())).isTrue();
        assertThat(live()).isEqualTo(before);
        Screenshots.save(review, "apply-refused.png");

        // the finding jumps to the route: the Routing tab of the editor is selected
        robot.interact(() -> findings.getSelectionModel().select(md0302));
        robot.interact(() -> findings.getOnMouseClicked().handle(null));
        assertThat(onFx(() -> robot.lookup("#editor-forms").queryAs(TabPane.class).getSelectionModel().getSelectedItem()
                .getText())).isEqualTo("Routing");

        assertThat(onFx(() -> button(robot, review, "#review-force").isDisabled())).isTrue();
        robot.interact(() -> robot.from(review).lookup("#review-force-word").queryAs(TextField.class).setText("order-function"));
        assertThat(onFx(() -> button(robot, review, "#review-force").isDisabled())).as("no reason yet").isTrue();
        robot.interact(() -> robot.from(review).lookup("#review-reason").queryAs(TextField.class).setText("INC-13: DR next"));
        robot.interact(() -> button(robot, review, "#review-force").fire());
        until(() -> onFx(() -> !button(robot, review, "#review-confirm").isDisabled()));
        robot.interact(() -> button(robot, review, "#review-confirm").fire());
        until(() -> robot.from(review).lookup("#review-outcome").queryAs(Label.class).getText().startsWith("Applied"));

        List<HistoryEntry> entries = new WindowChanges(sandbox.sources).history().entries();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).forced()).isTrue();
        assertThat(entries.get(0).reason()).isEqualTo("INC-13: DR next");
        assertThat(entries.get(0).overridden()).extracting(f -> f.code()).contains("MD0302");
    }

    private String live() throws Exception {
        return Serialization.jsonMapper().writeValueAsString(client.genericKubernetesResources("networking.istio.io/v1",
                "VirtualService").inNamespace("serverless").withName("order-function").get());
    }

    private static Button button(FxRobot robot, Parent root, String id) {
        return robot.from(root).lookup(id).queryAs(Button.class);
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
