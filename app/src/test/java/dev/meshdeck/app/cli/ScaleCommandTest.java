package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `meshdeck scale` on the sandbox: requests and limits, the HPA, Knative bounds; what the API would reject is refused. */
class ScaleCommandTest {

    private static final String RESOURCES = "/spec/template/spec/containers/0/resources";

    @TempDir
    Path dir;
    SandboxCommands cluster;

    @BeforeEach
    void start() {
        cluster = new SandboxCommands(dir);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private Cli run(String... args) {
        return cluster.run(args);
    }

    private JsonNode payment() {
        return cluster.get("apps/v1", "Deployment", "payments", "payment-function");
    }

    @Test
    void requestsAndLimitsAreSetAndARequestAboveItsLimitIsRefused() {
        Cli resize = run("scale", "--function", "payment-function", "--request", "cpu=200m", "--limit", "cpu=1", "--yes");

        assertThat(resize.exitCode()).as(resize.err()).isZero();
        assertThat(payment().at(RESOURCES + "/requests/cpu").asText()).isEqualTo("200m");
        assertThat(payment().at(RESOURCES + "/limits/cpu").asText()).isEqualTo("1");

        Cli above = run("scale", "--function", "payment-function", "--request", "memory=512Mi", "--yes");
        assertThat(above.exitCode()).isEqualTo(1);
        assertThat(above.out() + above.err()).contains("MD0710", "request memory 512Mi is above its limit 256Mi");
        assertThat(payment().at(RESOURCES + "/requests/memory").asText()).isEqualTo("128Mi");
    }

    @Test
    void theHpaIsCreatedThenEditedAndBoundsTheApiRejectsAreRefused() {
        Cli create = run("scale", "--function", "payment-function", "--hpa-min", "2", "--hpa-max", "5", "--cpu-percent", "70",
                "--yes");
        assertThat(create.exitCode()).as(create.err()).isZero();
        JsonNode hpa = cluster.get("autoscaling/v2", "HorizontalPodAutoscaler", "payments", "payment-function");
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo("payment-function");
        assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(2);
        assertThat(hpa.at("/spec/metrics/0/resource/target/averageUtilization").asInt()).isEqualTo(70);

        Cli edit = run("scale", "--function", "payment-function", "--hpa-max", "8", "--yes");
        assertThat(edit.exitCode()).as(edit.err()).isZero();
        hpa = cluster.get("autoscaling/v2", "HorizontalPodAutoscaler", "payments", "payment-function");
        assertThat(hpa.at("/spec/maxReplicas").asInt()).isEqualTo(8);
        assertThat(hpa.at("/spec/minReplicas").asInt()).as("kept").isEqualTo(2);

        Cli inverted = run("scale", "--function", "payment-function", "--hpa-min", "9", "--hpa-max", "3", "--yes");
        assertThat(inverted.exitCode()).isEqualTo(1);
        assertThat(inverted.out() + inverted.err()).contains("MD0711", "maxReplicas 3 is below minReplicas 9");
        assertThat(cluster.get("autoscaling/v2", "HorizontalPodAutoscaler", "payments", "payment-function").at("/spec/maxReplicas")
                .asInt()).isEqualTo(8);
    }

    @Test
    void anHpaNamedOtherwiseIsEditedInPlaceAndShownByConfig() {
        cluster.client.resource(new HorizontalPodAutoscalerBuilder().withNewMetadata().withName("payments-hpa")
                .withNamespace("payments").endMetadata().withNewSpec().withNewScaleTargetRef().withApiVersion("apps/v1")
                .withKind("Deployment").withName("payment-function").endScaleTargetRef().withMinReplicas(2).withMaxReplicas(4)
                .endSpec().build()).create();

        Cli edit = run("scale", "--function", "payment-function", "--hpa-max", "9", "--yes");

        assertThat(edit.exitCode()).as(edit.err()).isZero();
        assertThat(cluster.get("autoscaling/v2", "HorizontalPodAutoscaler", "payments", "payments-hpa").at("/spec/maxReplicas")
                .asInt()).isEqualTo(9);
        assertThat(cluster.client.autoscaling().v2().horizontalPodAutoscalers().inNamespace("payments").withName("payment-function")
                .get()).as("no second HPA on the same Deployment").isNull();
        assertThat(run("config", "--function", "payment-function").out()).contains("HPA payments-hpa: 2 to 9 replicas");
    }

    @Test
    void aKnativeServicesTargetIsSetOnItsRevisionTemplate() {
        Cli target = run("scale", "--function", "thumbnail", "--target", "20", "--max-scale", "6", "--yes");

        assertThat(target.exitCode()).as(target.err()).isZero();
        JsonNode annotations = cluster.get("serving.knative.dev/v1", "Service", "serverless", "thumbnail").at("/spec/template/metadata/annotations");
        assertThat(annotations.path("autoscaling.knative.dev/target").asText()).isEqualTo("20");
        assertThat(annotations.path("autoscaling.knative.dev/max-scale").asText()).isEqualTo("6");
    }
}
