package dev.meshdeck.views;

import static dev.meshdeck.views.FxWait.onFx;
import static dev.meshdeck.views.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import java.util.List;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/**
 * Issue #15's rough edges of the editor: a function without a canary is not an error, Apply waits for YAML that
 * parses, and the status line forgets an earlier action.
 */
@ExtendWith(ApplicationExtension.class)
class EditorRoughEdgesTest {

    /** order-function's route with its canary taken out: one version takes all traffic. */
    private static final String ONE_VERSION = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: order-function
              namespace: serverless
            spec:
              hosts:
                - order-function
              http:
                - route:
                    - destination:
                        host: order-function-v1
            """;

    @TempDir
    Path exports;
    private ShownWindow shown;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        shown = ShownWindow.on(stage);
        window = shown.window;
    }

    @Stop
    void stop() {
        shown.close();
    }

    @BeforeEach
    void openOrderFunctionEditor(FxRobot robot) throws Exception {
        EditorLauncher.openFor(robot, "order-function");
        until(() -> window.editor().trafficModel().isPresent());
    }

    @Test
    void aFunctionWithoutACanaryShowsItsOneVersionAndNoError(FxRobot robot) throws Exception {
        robot.interact(() -> yaml(robot).replaceText(ONE_VERSION));

        until(() -> robot.lookup("#traffic-note").query().isVisible());
        assertThat(text(robot, "#traffic-note")).startsWith("All traffic goes to v1.");
        assertThat(onFx(() -> robot.lookup("#traffic-problem").query().isVisible())).isFalse();
        assertThat(onFx(() -> robot.lookup("#weights-table").queryAs(TableView.class).getItems().size())).isEqualTo(1);
        assertThat(text(robot, "#canary-label")).isEqualTo("no canary");
        DocShots.save(stage.getScene(), "editor-no-canary.png");
    }

    @Test
    void applyWaitsForYamlThatParses(FxRobot robot) throws Exception {
        robot.clickOn("#preset-25");
        until(() -> !apply(robot).isDisabled());
        String parsing = onFx(() -> yaml(robot).getText());

        robot.interact(() -> yaml(robot).replaceText(parsing.replace("hosts:", "hosts: [")));

        until(() -> apply(robot).isDisabled());
        assertThat(onFx(() -> apply(robot).getTooltip().getText())).startsWith("The YAML does not parse at line");
        assertThat(onFx(() -> robot.lookup("#apply-all-button").queryAs(Button.class).isDisabled())).isTrue();
        DocShots.save(stage.getScene(), "editor-apply-waits-for-yaml.png");

        robot.interact(() -> yaml(robot).replaceText(parsing));
        until(() -> !apply(robot).isDisabled());
    }

    @Test
    void theStatusLineForgetsAnActionOnTheNextEditAndTheNextFunction(FxRobot robot) throws Exception {
        robot.clickOn("#preset-25");
        until(() -> !apply(robot).isDisabled());
        export(robot);
        assertThat(text(robot, "#editor-status")).startsWith("Wrote 1 file");
        DocShots.save(stage.getScene(), "editor-status-after-export.png");

        robot.clickOn("#preset-50");
        until(() -> text(robot, "#editor-status").isEmpty());
        DocShots.save(stage.getScene(), "editor-status-after-next-edit.png");

        export(robot);
        assertThat(text(robot, "#editor-status")).startsWith("Wrote 1 file");
        robot.interact(() -> window.select("fraud-check"));
        until(() -> window.editor().function().name().equals("fraud-check"));
        assertThat(text(robot, "#editor-status")).isEmpty();
    }

    @Test
    void everyResilienceLabelIsReadWhole(FxRobot robot) throws Exception {
        robot.interact(() -> {
            TabPane forms = robot.lookup("#editor-forms").queryAs(TabPane.class);
            forms.getSelectionModel().select(forms.getTabs().stream().filter(t -> "resilience-tab".equals(t.getId()))
                    .findFirst().orElseThrow());
        });
        until(() -> robot.lookup("#field-connectionPool-tcp-maxConnectionDuration").tryQuery().isPresent());

        javafx.scene.Node resilience = onFx(() -> robot.lookup("#editor-forms").queryAs(TabPane.class).getSelectionModel()
                .getSelectedItem().getContent());
        List<Label> labels = onFx(() -> List.copyOf(robot.from(resilience).lookup(".field-label").queryAllAs(Label.class)));
        List<String> cut = onFx(() -> labels.stream()
                .filter(l -> !((Text) l.lookup(".text")).getText().equals(l.getText())).map(Label::getText).toList());

        assertThat(labels).hasSizeGreaterThan(10);
        assertThat(cut).isEmpty();
        FormScroll.scrollTo(robot, robot.lookup("#field-connectionPool-tcp-maxConnectionDuration").query());
        DocShots.save(stage.getScene(), "editor-resilience-labels.png");
    }

    private void export(FxRobot robot) throws Exception {
        onFx(() -> window.editor().exportTo(exports));
    }

    private static CodeArea yaml(FxRobot robot) {
        return robot.lookup("#candidate-yaml").queryAs(CodeArea.class);
    }

    private static Button apply(FxRobot robot) {
        return robot.lookup("#apply-button").queryAs(Button.class);
    }

    private static String text(FxRobot robot, String query) throws Exception {
        return onFx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }
}
