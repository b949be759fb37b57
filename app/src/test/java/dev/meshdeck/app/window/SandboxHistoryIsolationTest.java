package dev.meshdeck.app.window;

import static dev.meshdeck.app.window.WindowWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.connectors.history.H2ChangeHistory;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.WriteTarget;
import dev.meshdeck.core.changes.history.Status;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * Issue #15: the built-in sandbox is new at every start, so its history starts empty; the user's own change
 * sets (made on real clusters or an earlier sandbox) are neither listed nor offered by "Undo last".
 */
@ExtendWith(ApplicationExtension.class)
class SandboxHistoryIsolationTest {

    @TempDir
    Path userData;
    private SandboxWindow sandbox;

    @BeforeEach
    void start() throws Exception {
        recordAppliedChangeSet(userData);
        sandbox = SandboxWindow.open(userData);
    }

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
    }

    @Test
    void theSandboxWindowOffersNothingToUndoFromTheUsersHistory(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#undo-last-button").queryAs(Button.class).fire());

        until(() -> Window.getWindows().stream().anyMatch(w -> w.getScene().getRoot() instanceof DialogPane pane
                && "Nothing to undo".equals(pane.getHeaderText())));
    }

    @Test
    void theSandboxHistoryStartsEmptyAndTheUsersIsUntouched() {
        assertThat(new WindowChanges(sandbox.sources).history().entries()).isEmpty();
        assertThat(new H2ChangeHistory(userData).entries()).hasSize(1);
    }

    /** A change set the user applied elsewhere, still standing: what "Undo last" would offer. */
    private static void recordAppliedChangeSet(Path data) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode before = json.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        before.putObject("metadata").put("name", "settings").put("namespace", "default").put("resourceVersion", "1");
        ObjectNode after = before.deepCopy();
        after.putObject("data").put("mode", "on");
        H2ChangeHistory history = new H2ChangeHistory(data);
        long id = history.begin(new WriteTarget.KubeContext("production"), "sre", ApplyRequest.apply("earlier change"),
                new ChangeSet(List.of(ResourceChange.of(before, after))), List.of());
        history.finish(id, Status.APPLIED, "");
    }
}
