package dev.meshdeck.views.failover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.failover.LiveFunction;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;

/** The Scale… dialog of a Knative function refuses bounds Knative would refuse, saying why, before OK. */
@ExtendWith(ApplicationExtension.class)
class ScaleDialogTest {

    private static final String KNATIVE = """
            apiVersion: serving.knative.dev/v1
            kind: Service
            metadata: {name: image-resize, namespace: serverless, resourceVersion: "4"}
            spec:
              template:
                metadata:
                  annotations: {autoscaling.knative.dev/min-scale: "1", autoscaling.knative.dev/max-scale: "5"}
            """;

    private final List<Object> answered = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        ServerlessFunction fn = new ServerlessFunction(new FunctionId(new SourceRef.KubeContext("test", "c", "s"),
                Platform.KNATIVE, "serverless", "image-resize"), List.of(), MeshStatus.NOT_IN_MESH, Health.UNKNOWN, Map.of());
        LiveFunction live = new LiveFunction(fn, List.of((ObjectNode) new YamlReader().read("test.yaml", KNATIVE).get(0).tree()));
        ScaleDialog.ask(null, live, null, answered::add);
    }

    @Stop
    void stop() throws Exception {
        onFx(() -> {
            new ArrayList<>(Window.getWindows()).forEach(Window::hide);
            return null;
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMinimumAboveTheMaximumDisablesOkWithTheReason(FxRobot robot) throws Exception {
        DialogPane pane = robot.lookup("#scale-dialog").queryAs(DialogPane.class);
        Spinner<Integer> min = robot.lookup("#scale-min").queryAs(Spinner.class);
        Spinner<Integer> max = robot.lookup("#scale-max").queryAs(Spinner.class);
        assertThat(onFx(() -> pane.lookupButton(ButtonType.OK).isDisabled())).isFalse();

        robot.interact(() -> min.getValueFactory().setValue(7));

        assertThat(onFx(() -> pane.lookupButton(ButtonType.OK).isDisabled())).isTrue();
        assertThat(onFx(() -> robot.lookup("#scale-problem").queryAs(Label.class).getText()))
                .isEqualTo("The minimum (7) is above the maximum (5): Knative would refuse the revision");

        robot.interact(() -> max.getValueFactory().setValue(10));

        assertThat(onFx(() -> pane.lookupButton(ButtonType.OK).isDisabled())).isFalse();
        assertThat(onFx(() -> robot.lookup("#scale-problem").queryAs(Label.class).getText())).isEmpty();
        assertThat(answered).isEmpty();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
