package dev.meshdeck.app.window;

import static dev.meshdeck.app.window.WindowWait.until;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.app.cli.SourceOptions;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.views.MainWindow;
import dev.meshdeck.views.WindowOptions;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The AWS profile and region picker of the window as the app wires it, on the sandbox's Lambda control plane
 * (eu-west-1 holds the estate's functions, other regions are empty): choosing regions rescans Lambda in place.
 */
@ExtendWith(ApplicationExtension.class)
class AwsPickerOnSandboxTest {

    private Sources sources;

    @Start
    void start(Stage stage) {
        sources = Sources.resolve(new SourceOptions(), true, true, 0);
        MainWindow window = new MainWindow(sources.catalog(), WindowOptions.sandbox("MeshDeck"));
        window.setAwsTargets(sources.aws().menu());
        window.show(stage);
    }

    @Stop
    void stop() {
        sources.close();
    }

    @SuppressWarnings("unchecked")
    private static List<String> lambdaFunctions(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((TableView<ServerlessFunction>) robot.lookup("#function-table").query())
                .getItems().stream().filter(f -> f.platform() == Platform.LAMBDA)
                .map(f -> f.name() + "@" + f.source().label()).sorted().toList()).get();
    }

    private static List<String> statusEntries(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(".source-status").queryAll().stream()
                .map(n -> ((Labeled) n).getText()).filter(t -> t.contains("-1")).sorted().toList()).get();
    }

    private static void chooseRegions(FxRobot robot, String regions) {
        robot.clickOn("#aws-target").clickOn("#aws-regions");
        WaitForAsyncUtils.waitForFxEvents();
        robot.doubleClickOn("#aws-regions-field").eraseText(40).write(regions).type(KeyCode.ENTER);
    }

    @Test
    void choosingARegionListsItsLambdaFunctionsWithoutARestart(FxRobot robot) throws Exception {
        until(() -> lambdaFunctions(robot).size() == 4);
        assertThat(robot.lookup("#aws-target").queryAs(MenuButton.class).getText()).isEqualTo("default chain · eu-west-1");

        chooseRegions(robot, "us-east-1");

        until(() -> lambdaFunctions(robot).isEmpty()
                && statusEntries(robot).equals(List.of("123456789012/us-east-1 · 0 functions")));

        chooseRegions(robot, "us-east-1, eu-west-1");

        until(() -> lambdaFunctions(robot).size() == 4 && statusEntries(robot).size() == 2);
        assertThat(lambdaFunctions(robot)).contains("invoice-pdf@123456789012/eu-west-1");
        assertThat(statusEntries(robot)).containsExactly("123456789012/eu-west-1 · 4 functions",
                "123456789012/us-east-1 · 0 functions");
        // the Kubernetes (14) and Cloud Run (3) functions stayed where they were
        Node table = robot.lookup("#function-table").query();
        assertThat(WaitForAsyncUtils.asyncFx(() -> ((TableView<?>) table).getItems().size()).get()).isEqualTo(21);
    }
}
