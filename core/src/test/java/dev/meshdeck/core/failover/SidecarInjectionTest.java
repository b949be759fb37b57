package dev.meshdeck.core.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.yaml.YamlReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Turning a function's sidecar on or off is a pod template change, which rolls its pods. */
class SidecarInjectionTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: legacy-cron, namespace: serverless, labels: {app: legacy-cron}}
            spec:
              template:
                metadata:
                  labels: {app: legacy-cron}
                  annotations: {sidecar.istio.io/inject: "false"}
                spec: {containers: [{name: function, image: "cron:1"}]}
            """;

    @Test
    void enablingSetsTheTemplateLabelAndDropsTheContradictingAnnotation() throws Exception {
        FunctionChange change = SidecarInjection.set(function(), null, true, null);

        ObjectNode after = change.changes().changes().get(0).after();
        assertThat(after.at("/spec/template/metadata/labels/sidecar.istio.io~1inject").asText()).isEqualTo("true");
        assertThat(after.at("/spec/template/metadata/annotations").has("sidecar.istio.io/inject")).isFalse();
        assertThat(change.title()).isEqualTo("Enable sidecar injection on Deployment serverless/legacy-cron (rolls its pods)");
    }

    @Test
    void askingForWhatIsAlreadySetIsRefused() throws Exception {
        LiveFunction on = new LiveFunction(function().function(),
                List.of(SidecarInjection.set(function(), null, true, null).changes().changes().get(0).after()));

        assertThatThrownBy(() -> SidecarInjection.set(on, null, true, null))
                .hasMessage("sidecar injection is already on for kubernetes serverless/legacy-cron");
    }

    private static LiveFunction function() throws Exception {
        ServerlessFunction fn = new ServerlessFunction(new FunctionId(new SourceRef.KubeContext("test", "c", "s"),
                Platform.KUBERNETES, "serverless", "legacy-cron"), List.of(), MeshStatus.NOT_IN_MESH, Health.UNKNOWN, Map.of());
        return new LiveFunction(fn, List.of((ObjectNode) new YamlReader().read("t.yaml", DEPLOYMENT).get(0).tree()));
    }
}
