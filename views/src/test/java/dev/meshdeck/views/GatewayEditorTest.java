package dev.meshdeck.views;

import static dev.meshdeck.views.FxWait.onFx;
import static dev.meshdeck.views.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.gateways.IngressGateway;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.views.editing.GatewayEditor;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Gateway editor on the sandbox's public-gateway: a server's TLS moved to mutual with a Secret from the picker. */
@ExtendWith(ApplicationExtension.class)
class GatewayEditorTest {

    private static final SourceRef CLUSTER = new SourceRef.KubeContext("meshdeck-sandbox", "meshdeck-sandbox", "https://127.0.0.1:1");
    private static final String YAML = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: {name: public-gateway, namespace: istio-system, resourceVersion: "5"}
            spec:
              selector: {istio: ingressgateway}
              servers:
                - port: {number: 80, name: http, protocol: HTTP}
                  hosts: ["*.meshdeck.example"]
                - port: {number: 443, name: https, protocol: HTTPS}
                  tls: {mode: SIMPLE, credentialName: public-cert}
                  hosts: ["*.meshdeck.example"]
            """;

    private final CompletableFuture<List<String>> secrets = new CompletableFuture<>();
    private final AtomicReference<ResourceChange> submitted = new AtomicReference<>();

    @Start
    void start(Stage stage) throws Exception {
        IngressGateway gateway = new IngressGateway(CLUSTER, "istio-system", "public-gateway", Map.of("istio", "ingressgateway"),
                List.of(new IngressGateway.Workload("istio-system", "istio-ingressgateway")), List.of(), List.of(),
                new MeshResource("Gateway", "istio-system", "public-gateway", YAML, CLUSTER));
        GatewayEditor editor = new GatewayEditor(gateway, secrets, submitted::set);
        stage.setScene(new Scene((javafx.scene.Parent) editor.node(), 760, 620));
        stage.show();
    }

    @Test
    void mutualTlsWithASecretFromThePickerIsHandedToTheReview(FxRobot robot) throws Exception {
        ListView<?> servers = robot.lookup("#gateway-editor-servers").queryAs(ListView.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> credential = robot.lookup("#gateway-editor-credential").queryAs(ComboBox.class);
        @SuppressWarnings("unchecked")
        ComboBox<ServerTLSSettingsTLSmode> mode = robot.lookup("#gateway-editor-tls-mode").queryAs(ComboBox.class);
        // the picker lists the Secrets once they are read, in the background
        secrets.complete(List.of("partner-ca", "public-cert"));
        until(() -> credential.getItems().size() == 2);
        assertThat(onFx(() -> List.copyOf(credential.getItems()))).containsExactly("partner-ca", "public-cert");
        assertThat(robot.lookup("#gateway-editor-apply").query().isDisabled()).as("nothing changed yet").isTrue();

        robot.clickOn((javafx.scene.Node) robot.from(servers).lookup(".list-cell").nth(1).query());
        until(() -> "public-cert".equals(credential.getValue()));
        robot.clickOn(mode).clickOn("MUTUAL");
        robot.clickOn(credential).clickOn("partner-ca");
        until(() -> robot.lookup("#gateway-editor-yaml").queryTextInputControl().getText().contains("credentialName: partner-ca"));

        robot.clickOn("#gateway-editor-apply");
        until(() -> submitted.get() != null);
        ResourceChange change = submitted.get();
        assertThat(change.expectedVersion()).isEqualTo("5");
        assertThat(change.after().at("/spec/servers/1/tls/mode").asText()).isEqualTo("MUTUAL");
        assertThat(change.after().at("/spec/servers/1/tls/credentialName").asText()).isEqualTo("partner-ca");
        assertThat(change.after().at("/spec/servers/0").has("tls")).isFalse();

        // ISTIO_MUTUAL reads no Secret: the picker is off and the credential goes
        robot.clickOn(mode).clickOn("ISTIO_MUTUAL");
        until(() -> credential.isDisabled() && credential.getValue() == null);
        assertThat(robot.lookup("#gateway-editor-yaml").queryTextInputControl().getText()).doesNotContain("credentialName");
        assertThat(onFx(() -> Optional.ofNullable(mode.getValue()))).contains(ServerTLSSettingsTLSmode.ISTIO_MUTUAL);
    }
}
