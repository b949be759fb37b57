package dev.meshdeck.views.details;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The details pane says how the mesh reaches a Lambda function: through its URL's ServiceEntry, or not at all. */
@ExtendWith(ApplicationExtension.class)
class DetailsPaneTest {

    private static final SourceRef.KubeContext CLUSTER = new SourceRef.KubeContext("prod-eu", "prod-eu", "https://127.0.0.1:1");
    private static final SourceRef.AwsRegion AWS = new SourceRef.AwsRegion("123456789012", "eu-west-1", null);

    private final ServerlessFunction calledByMesh = lambda("invoice-pdf");
    private final ServerlessFunction alone = lambda("thumbnail-lambda");
    private DetailsPane details;

    private static ServerlessFunction lambda(String name) {
        return new ServerlessFunction(new FunctionId(AWS, Platform.LAMBDA, "", name), List.of(), MeshStatus.NOT_IN_MESH,
                new Health(1, 1, 1, "Active"), Map.of());
    }

    @Start
    void start(Stage stage) {
        details = new DetailsPane(id -> id.name().equals("invoice-pdf") ? List.of(
                new MeshResource("LambdaFunction", "", "invoice-pdf", "FunctionName: invoice-pdf\n"),
                new MeshResource("ServiceEntry", "payments", "invoice-pdf-lambda", "kind: ServiceEntry\n", CLUSTER))
                : List.of(new MeshResource("LambdaFunction", "", id.name(), "FunctionName: " + id.name() + "\n")),
                Runnable::run);
        stage.setScene(new Scene((Parent) details.node(), 360, 700));
        stage.show();
    }

    @Test
    void aLambdaFunctionTheMeshCallsNamesItsServiceEntryAndItsCluster(FxRobot robot) throws Exception {
        robot.interact(() -> details.show(calledByMesh));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> meshText(robot).contains("ServiceEntry"));

        assertThat(meshText(robot)).contains("Called from the mesh in prod-eu", "SE", "payments/invoice-pdf-lambda")
                .doesNotContain("Not in the mesh");

        robot.interact(() -> details.show(alone));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> meshText(robot).contains("Not in the mesh (AWS Lambda)"));
        assertThat(meshText(robot)).doesNotContain("invoice-pdf-lambda");
    }

    /** Every label's text and tooltip in the pane, in one string. */
    private static String meshText(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(".label").queryAllAs(Labeled.class).stream()
                .filter(Node::isVisible)
                .map(l -> l.getText() + (l.getTooltip() == null ? "" : " " + l.getTooltip().getText()))
                .collect(Collectors.joining("\n"))).get();
    }
}
