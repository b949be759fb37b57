package dev.meshdeck.app.window;

import static dev.meshdeck.app.window.WindowWait.until;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.app.cli.Cli;
import dev.meshdeck.app.cli.SourceOptions;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.editing.Draft;
import dev.meshdeck.core.routing.Destination;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.views.MainWindow;
import dev.meshdeck.views.WindowOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue #4's "done when", on the embedded sandbox through the real window: move the order-function canary from
 * 10% to 50%, add a premium-header route, tighten the inventory-function circuit breaker and add an authorization
 * rule, each with valid YAML, no error finding and a diff; then export every pending change to a directory that
 * {@code meshdeck validate} passes and {@code kubectl apply --dry-run=client} accepts.
 */
@ExtendWith(ApplicationExtension.class)
class EditorWalkthroughOnSandboxTest {

    private static Sources sources;
    private MainWindow window;

    /** The sandbox starts before the window, off the FX thread, so a busy machine does not time out the window's setup. */
    @BeforeAll
    static void startSandbox() {
        sources = Sources.resolve(new SourceOptions(), true, true, 0);
    }

    @AfterAll
    static void stopSandbox() {
        sources.close();
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(sources.catalog(), WindowOptions.sandbox("MeshDeck"));
        window.show(stage);
    }

    @Test
    void canaryPremiumRouteCircuitBreakerAndAuthorizationRuleExportToValidFiles(FxRobot robot, @TempDir Path dir)
            throws Exception {
        editFunction(robot, "order-function", "VirtualService");
        assertThat(yaml()).contains("weight: 90", "weight: 10");

        // 1. the canary from 10% to 50%
        robot.clickOn("#preset-50");
        until(() -> yaml().contains("weight: 50") && !yaml().contains("weight: 90"));
        assertReviewable();

        // 2. premium users (x-user-tier: premium) to the candidate, before the catch-all route
        selectForm(robot, "routing-tab");
        robot.interact(() -> {
            button(robot, "#add-route").fire();
            text(robot, "#new-route-name").setText("premium");
            text(robot, "#new-route-condition-name").setText("x-user-tier");
            text(robot, "#new-route-condition-value").setText("premium");
            @SuppressWarnings("unchecked")
            ChoiceBox<Destination> target = robot.lookup("#new-route-target").queryAs(ChoiceBox.class);
            target.setValue(target.getItems().stream().filter(d -> d.host().equals("order-function-v2")).findFirst()
                    .orElseThrow());
            button(robot, "#confirm-route").fire();
        });
        until(() -> yaml().contains("x-user-tier"));
        assertThat(yaml().indexOf("name: premium")).isLessThan(yaml().indexOf("weight: 50"));
        assertReviewable();

        // 3. a tighter circuit breaker for inventory-function
        editFunction(robot, "inventory-function", "VirtualService");
        selectForm(robot, "resilience-tab");
        until(() -> yaml().contains("kind: DestinationRule"));
        String before = yaml();
        robot.interact(() -> button(robot, "#tighten-button").fire());
        until(() -> !yaml().equals(before));
        // the sandbox allows 100 connections and ejects after 3 consecutive 5xx: both are halved
        assertThat(yaml()).contains("maxConnections: 50", "consecutive5xxErrors: 2", "interval: 10s");
        assertReviewable();

        // 4. an authorization rule: frontend may also POST orders
        selectForm(robot, "security-tab");
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ChoiceBox<Draft> object = robot.lookup("#security-object").queryAs(ChoiceBox.class);
            object.setValue(object.getItems().stream().filter(d -> d.ref().name().equals("inventory-function-allow-frontend"))
                    .findFirst().orElseThrow());
        });
        until(() -> yaml().contains("kind: AuthorizationPolicy"));
        robot.interact(() -> {
            button(robot, "#add-rule").fire();
            text(robot, "#rule-from-namespaces").setText("frontend");
            text(robot, "#rule-to-methods").setText("POST");
            text(robot, "#rule-to-paths").setText("/api/orders");
            button(robot, "#confirm-rule").fire();
        });
        until(() -> yaml().contains("/api/orders"));
        assertThat(yaml()).contains("- POST", "- GET");
        assertReviewable();

        // export what is pending, then check it as a reviewer's tools would
        List<Path> files = WaitForAsyncUtils.asyncFx(() -> window.editor().exportTo(dir)).get();
        assertThat(files).extracting(f -> dir.relativize(f).toString().replace('\\', '/')).containsExactlyInAnyOrder(
                "serverless/virtualservice-order-function.yaml", "backend/destinationrule-inventory-function.yaml",
                "backend/authorizationpolicy-inventory-function-allow-frontend.yaml");
        Cli validate = Cli.run("validate", "-f", dir.toString());
        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
        kubectlAcceptsIfInstalled(dir);
    }

    private void editFunction(FxRobot robot, String name, String anyKind) throws Exception {
        until(() -> window.select(name));
        robot.interact(() -> {
            if (!window.editing()) {
                window.edit();
            }
        });
        until(() -> window.editor().function() != null && window.editor().function().name().equals(name)
                && window.editor().activeDraft() != null
                && window.editor().session().drafts(window.editor().function().id()).stream()
                        .anyMatch(d -> d.kind().equals(anyKind)));
    }

    /** The shown candidate is YAML the validator has checked without an error, and differs from the cluster. */
    private void assertReviewable() throws Exception {
        until(() -> !window.editor().checking());
        List<Finding> errors = WaitForAsyncUtils.asyncFx(() -> window.editor().findings().stream()
                .filter(f -> f.severity() == Severity.ERROR).toList()).get();
        assertThat(errors).as(yaml()).isEmpty();
        Draft draft = WaitForAsyncUtils.asyncFx(() -> window.editor().activeDraft()).get();
        assertThat(draft.diff().changed()).isTrue();
        assertThat(draft.dirty()).isTrue();
    }

    private void kubectlAcceptsIfInstalled(Path dir) throws Exception {
        boolean installed = System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH")
                .split(java.io.File.pathSeparator)).anyMatch(p -> Files.isExecutable(Path.of(p, "kubectl")));
        if (!installed) {
            return;
        }
        ProcessBuilder pb = new ProcessBuilder("kubectl", "apply", "--dry-run=client", "--validate=false", "-R",
                "-f", dir.toString()).redirectErrorStream(true);
        pb.environment().put("KUBECONFIG", sources.sandbox().orElseThrow().kubeconfig().toString());
        Process kubectl = pb.start();
        kubectl.getOutputStream().close();
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.exitValue()).as(out).isZero();
        assertThat(out).contains("virtualservice.networking.istio.io/order-function",
                "destinationrule.networking.istio.io/inventory-function",
                "authorizationpolicy.security.istio.io/inventory-function-allow-frontend");
    }

    private String yaml() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> window.editor().activeDraft() == null ? ""
                : window.editor().activeDraft().candidateYaml()).get();
    }

    private static void selectForm(FxRobot robot, String tabId) {
        robot.interact(() -> {
            TabPane forms = robot.lookup("#editor-forms").queryAs(TabPane.class);
            forms.getSelectionModel().select(forms.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst()
                    .orElseThrow());
        });
    }

    private static Button button(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Button.class);
    }

    private static TextField text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

}
