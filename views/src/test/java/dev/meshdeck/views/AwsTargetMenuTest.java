package dev.meshdeck.views;

import dev.meshdeck.core.lambda.AwsProfile;
import dev.meshdeck.core.lambda.AwsTarget;
import dev.meshdeck.views.shell.AppBar;
import dev.meshdeck.views.shell.AwsTargetMenu;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static dev.meshdeck.views.FxWait.onFx;
import static dev.meshdeck.views.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class AwsTargetMenuTest {

    private final List<AwsTarget> chosen = new ArrayList<>();

    @Start
    void start(Stage stage) {
        AppBar bar = new AppBar(WindowOptions.of("MeshDeck"), new Label("search"));
        bar.showAwsTargets(new AwsTargetMenu(List.of(new AwsProfile("prod-sso", "us-east-1", "SSO"),
                new AwsProfile("ci", "", "credential_process")), new AwsTarget(null, List.of("eu-west-1")), chosen::add));
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(bar.node()), 1000, 300));
        stage.show();
    }

    private static String label(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup("#aws-target").queryAs(MenuButton.class).getText());
    }

    @Test
    void choosingAProfileScansItsRegionAndSaysSo(FxRobot robot) throws Exception {
        assertThat(label(robot)).isEqualTo("default chain · eu-west-1");

        robot.clickOn("#aws-target").clickOn("prod-sso  (SSO, us-east-1)");

        until(() -> chosen.size() == 1);
        assertThat(chosen).containsExactly(new AwsTarget("prod-sso", List.of("us-east-1")));
        assertThat(label(robot)).isEqualTo("prod-sso · us-east-1");
    }

    @Test
    void severalRegionsAreTypedInTheRegionsDialog(FxRobot robot) throws Exception {
        robot.clickOn("#aws-target").clickOn("#aws-regions");
        until(() -> robot.lookup("#aws-regions-field").tryQuery().isPresent());
        robot.doubleClickOn("#aws-regions-field").eraseText(20).write("eu-west-1, us-east-1").type(javafx.scene.input.KeyCode.ENTER);

        until(() -> chosen.size() == 1);
        assertThat(chosen).containsExactly(new AwsTarget(null, List.of("eu-west-1", "us-east-1")));
    }

    @Test
    void regionNamesAreChecked() {
        assertThat(AwsTarget.parseRegions("eu-west-1 us-gov-west-1,ap-southeast-2"))
                .containsExactly("eu-west-1", "us-gov-west-1", "ap-southeast-2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AwsTarget.parseRegions("eu-west-1, ireland"))
                .hasMessage("'ireland' is not an AWS region name such as eu-west-1");
    }
}
