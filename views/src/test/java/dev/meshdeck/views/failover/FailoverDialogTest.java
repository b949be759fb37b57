package dev.meshdeck.views.failover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.failover.FailoverTarget;
import dev.meshdeck.core.failover.FailoverTargets;
import dev.meshdeck.core.failover.IncidentActions;
import dev.meshdeck.views.shell.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** Issue #15: the Fail over… dialog shows every target whole, without scrolling; Esc closes it. */
@ExtendWith(ApplicationExtension.class)
class FailoverDialogTest {

    private final List<Object> chosen = new ArrayList<>();

    @Start
    void start(Stage stage) {
        // the window's theme, for a screenshot that looks like the console
        Theme.LIGHT.apply();
        IncidentActions actions = new IncidentActions(List.of(
                new FailoverTargets.Option(new FailoverTarget.Host("payment-function-backup"),
                        "configured backup (meshdeck.dev/failover-target on Deployment payment-function)", true),
                new FailoverTargets.Option(new FailoverTarget.Version("v1"), "version v1 (Deployment payment-function)", false),
                new FailoverTargets.Option(new FailoverTarget.Version("v2"), "version v2 (Deployment payment-function-v2)", false)),
                Optional.empty(), Optional.empty(), "");
        FailoverDialog.ask(null, "payment-function", actions, chosen::add);
    }

    @Stop
    void stop() throws Exception {
        onFx(() -> {
            new ArrayList<>(Window.getWindows()).forEach(Window::hide);
            return null;
        });
    }

    @Test
    void everyTargetIsShownWholeWithoutScrolling(FxRobot robot) throws Exception {
        Node list = robot.lookup("#failover-targets").query();

        List<Orientation> scrolling = onFx(() -> robot.from(list).lookup(".scroll-bar").queryAllAs(ScrollBar.class).stream()
                .filter(Node::isVisible).map(ScrollBar::getOrientation).toList());

        assertThat(scrolling).isEmpty();
        screenshot(robot.lookup("#failover-dialog").queryAs(DialogPane.class));
    }

    @Test
    void escClosesTheDialogWithoutAChoice(FxRobot robot) throws Exception {
        robot.clickOn("#failover-reason");

        robot.type(KeyCode.ESCAPE);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> Window.getWindows().stream().noneMatch(Window::isShowing)));
        assertThat(chosen).isEmpty();
    }

    /** For docs/: -Dmeshdeck.screenshots=DIR. */
    private static void screenshot(DialogPane pane) throws Exception {
        String dir = System.getProperty("meshdeck.screenshots");
        if (dir != null) {
            Path file = Path.of(dir).resolve("failover-dialog.png");
            Files.createDirectories(file.getParent());
            onFx(() -> ImageIO.write(SwingFXUtils.fromFXImage(pane.getScene().snapshot(null), null), "png", file.toFile()));
        }
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
