package dev.meshdeck.views;

import static dev.meshdeck.views.FxWait.onFx;
import static dev.meshdeck.views.FormScroll.clickVisible;
import static dev.meshdeck.views.FormScroll.scrollTo;
import static dev.meshdeck.views.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.editing.Draft;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** The Resilience and Security tabs of the editor, driven on inventory-function's DestinationRule and policies (it has no traffic split). */
@ExtendWith(ApplicationExtension.class)
class PolicyFormsTest {

    private static final String MAX_CONNECTIONS = "#field-connectionPool-tcp-maxConnections";

    private FakeCatalog catalog;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        catalog = FakeCatalog.estate();
        window = new MainWindow(catalog, WindowOptions.sandbox("MeshDeck"));
        window.show(stage);
    }

    @Stop
    void stop() {
        catalog.close();
    }

    @BeforeEach
    void openInventoryFunctionEditor(FxRobot robot) throws Exception {
        EditorLauncher.openFor(robot, "inventory-function");
        until(() -> activeDraft() != null && activeDraft().kind().equals("DestinationRule"));
    }

    @Test
    void circuitBreakerFieldWritesTheYamlAndMarksTheDraftDirty(FxRobot robot) throws Exception {
        selectForm(robot, "resilience-tab");
        assertThat(onFx(() -> yaml(robot))).contains("kind: DestinationRule");
        Spinner<?> spinner = robot.lookup(MAX_CONNECTIONS).queryAs(Spinner.class);
        assertThat(onFx(() -> spinner.getTooltip()).getText()).contains("connections");

        scrollTo(robot, spinner);
        robot.doubleClickOn(spinner.getEditor()).write("400").type(KeyCode.ENTER);

        until(() -> yaml(robot).contains("maxConnections: 400"));
        assertThat(onFx(() -> activeDraft().dirty())).isTrue();
        assertThat(robot.lookup("#resilience-dirty").query().isVisible()).isTrue();
        assertThat(yaml(robot)).contains("consecutive5xxErrors: 5", "mode: ISTIO_MUTUAL", "simple: LEAST_CONN",
                "team: inventory");
        assertThat(robot.lookup("#traffic-placeholder").query().isVisible()).isTrue();
    }

    @Test
    void outOfRangeValueShowsTheProblemAndChangesNothing(FxRobot robot) throws Exception {
        selectForm(robot, "resilience-tab");
        String before = yaml(robot);
        Spinner<?> spinner = robot.lookup(MAX_CONNECTIONS).queryAs(Spinner.class);

        scrollTo(robot, spinner);
        robot.doubleClickOn(spinner.getEditor()).write("0").type(KeyCode.ENTER);

        Label problem = robot.lookup("#problem-connectionPool-tcp-maxConnections").queryAs(Label.class);
        until(problem::isVisible);
        assertThat(problem.getText()).contains("Max connections must be between 1 and 100000");
        assertThat(spinner.getStyleClass()).contains("invalid");
        assertThat(yaml(robot)).isEqualTo(before);
        assertThat(onFx(() -> activeDraft().dirty())).isFalse();
    }

    @Test
    void tightenAndChoicesRewriteTheYaml(FxRobot robot) throws Exception {
        selectForm(robot, "resilience-tab");

        clickVisible(robot, "#tighten-button");

        until(() -> yaml(robot).contains("maxConnections: 100"));
        assertThat(yaml(robot)).contains("http1MaxPendingRequests: 10", "consecutive5xxErrors: 3");
        assertThat(onFx(() -> robot.lookup(MAX_CONNECTIONS).queryAs(Spinner.class).getValue())).isEqualTo("100");

        robot.interact(() -> choice(robot, "#field-loadBalancer-simple").setValue("ROUND_ROBIN"));
        until(() -> yaml(robot).contains("simple: ROUND_ROBIN"));
        robot.interact(() -> choice(robot, "#field-tls-mode").setValue("DISABLE"));
        until(() -> yaml(robot).contains("mode: DISABLE"));

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        until(() -> yaml(robot).contains("mode: ISTIO_MUTUAL"));
        assertThat(onFx(() -> choice(robot, "#field-tls-mode").getValue())).isEqualTo("ISTIO_MUTUAL");
    }

    @Test
    void editedYamlMovesTheResilienceForm(FxRobot robot) throws Exception {
        selectForm(robot, "resilience-tab");
        String edited = yaml(robot).replace("consecutive5xxErrors: 5", "consecutive5xxErrors: 7");

        robot.interact(() -> area(robot).replaceText(edited));

        until(() -> "7".equals(robot.lookup("#field-outlierDetection-consecutive5xxErrors").queryAs(Spinner.class)
                .getValue()));
        assertThat(onFx(() -> activeDraft().candidate().at("/spec/trafficPolicy/outlierDetection/consecutive5xxErrors")
                .asInt())).isEqualTo(7);
    }

    @Test
    void authorizationRuleBuilderAddsADenyRule(FxRobot robot) throws Exception {
        selectForm(robot, "security-tab");
        assertThat(onFx(() -> yaml(robot))).contains("kind: AuthorizationPolicy");

        robot.interact(() -> choice(robot, "#authz-action").setValue("DENY"));
        until(() -> yaml(robot).contains("action: DENY"));
        clickVisible(robot, "#add-rule");
        clickVisible(robot, "#rule-from-notNamespaces").write("payments");
        clickVisible(robot, "#rule-to-methods").write("DELETE");
        clickVisible(robot, "#confirm-rule");

        until(() -> yaml(robot).contains("notNamespaces:"));
        String yaml = yaml(robot);
        assertThat(yaml).contains("action: DENY", "- payments", "- DELETE", "- backend");
        assertThat(onFx(() -> robot.lookup("#authz-rules").queryAs(ListView.class).getItems().size())).isEqualTo(2);
        assertThat(onFx(() -> activeDraft().dirty())).isTrue();
        assertThat(robot.lookup("#security-dirty").query().isVisible()).isTrue();
    }

    @Test
    void peerAuthenticationModeWritesItsOwnDraft(FxRobot robot) throws Exception {
        selectForm(robot, "security-tab");
        Draft peer = onFx(() -> window.editor().session().drafts(window.editor().function().id()).stream()
                .filter(d -> d.kind().equals("PeerAuthentication")).findFirst().orElseThrow());
        robot.interact(() -> robot.lookup("#security-object").queryAs(ChoiceBox.class).setValue(peer));
        until(() -> activeDraft() == peer && yaml(robot).contains("kind: PeerAuthentication"));

        robot.interact(() -> choice(robot, "#mtls-mode").setValue("STRICT"));

        until(() -> peer.candidate().at("/spec/mtls/mode").asText().equals("STRICT"));
        assertThat(onFx(peer::dirty)).isTrue();
    }

    @Test
    void textFieldsOfTheRuleBuilderHaveTooltips(FxRobot robot) throws Exception {
        selectForm(robot, "security-tab");
        clickVisible(robot, "#add-rule");
        Tooltip tip = onFx(() -> robot.lookup("#rule-when-key").queryAs(TextField.class).getTooltip());
        assertThat(tip.getText()).contains("request.auth.claims[groups]");
    }

    /** Screenshots of both tabs: -Dmeshdeck.editor.resilience=/path/a.png -Dmeshdeck.editor.security=/path/b.png. */
    @Test
    void screenshotsOfTheResilienceAndSecurityEditors(FxRobot robot) throws Exception {
        selectForm(robot, "resilience-tab");
        clickVisible(robot, "#tighten-button");
        until(() -> yaml(robot).contains("maxConnections: 100"));
        Path resilience = Path.of(System.getProperty("meshdeck.editor.resilience", "target/editor-resilience.png"));
        window.snapshot(resilience);

        selectForm(robot, "security-tab");
        clickVisible(robot, "#add-rule");
        robot.interact(() -> robot.lookup("#rule-from-notNamespaces").queryAs(TextField.class).setText("payments"));
        robot.interact(() -> robot.lookup("#rule-to-methods").queryAs(TextField.class).setText("DELETE"));
        Path security = Path.of(System.getProperty("meshdeck.editor.security", "target/editor-security.png"));
        window.snapshot(security);

        assertThat(Files.size(resilience)).isPositive();
        assertThat(Files.size(security)).isPositive();
    }

    private Draft activeDraft() {
        return window.editor().activeDraft();
    }

    private static void selectForm(FxRobot robot, String tabId) throws Exception {
        robot.interact(() -> {
            TabPane forms = robot.lookup("#editor-forms").queryAs(TabPane.class);
            forms.getSelectionModel().select(forms.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                    .orElseThrow());
        });
    }

    @SuppressWarnings("unchecked")
    private static ChoiceBox<String> choice(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(ChoiceBox.class);
    }

    private static CodeArea area(FxRobot robot) {
        return robot.lookup("#candidate-yaml").queryAs(CodeArea.class);
    }

    private static String yaml(FxRobot robot) throws Exception {
        return onFx(() -> area(robot).getText());
    }
}
