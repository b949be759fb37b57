package dev.meshdeck.core.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.yaml.YamlDocument;
import dev.meshdeck.core.yaml.YamlReader;
import dev.meshdeck.core.yaml.YamlRenderer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ControllerExportTest {

    static final ControllerExport.Target ORDER_FUNCTION = new ControllerExport.Target(ControllerExport.Kind.ISTIO_HOSTS,
            "serverless", "order-function", "order-function", "order-function-v1", "order-function-v2", 80);

    /** The objects as YAML text, read back as kubectl would get them. */
    static List<JsonNode> throughYaml(ControllerExport.Export export) throws Exception {
        String yaml = export.objects().stream().map(YamlRenderer::render).reduce((a, b) -> a + "---\n" + b).orElseThrow();
        return new YamlReader().read("export.yaml", yaml).stream().map(YamlDocument::tree).toList();
    }

    @Test
    void aFlaggerCanaryCarriesTheStepsIntervalChecksAndThresholdAndReadsBackToThePlan() throws Exception {
        CanaryPlan plan = new CanaryPlan(List.of(25, 50), Duration.ofSeconds(30), 99.5,
                new LatencyLimit(LatencyLimit.Percentile.P99, Duration.ofMillis(400)), null, CanaryPlan.DEFAULT_MIN_REQUESTS,
                3, Set.of(), true);

        ControllerExport.Export export = ControllerExport.flagger(plan, ORDER_FUNCTION);
        JsonNode canary = throughYaml(export).get(0);

        assertThat(canary.path("apiVersion").asText()).isEqualTo("flagger.app/v1beta1");
        assertThat(canary.at("/spec/targetRef/name").asText()).isEqualTo("order-function");
        assertThat(canary.at("/spec/service/port").asInt()).isEqualTo(80);
        assertThat(canary.at("/spec/analysis/interval").asText()).isEqualTo("30s");
        assertThat(canary.at("/spec/analysis/metrics/0/name").asText()).isEqualTo("request-success-rate");
        assertThat(ControllerExport.planOfFlagger(canary)).isEqualTo(plan);
        assertThat(export.notes()).anyMatch(n -> n.contains("minimum of 10 requests"));
    }

    @Test
    void anArgoRolloutAndItsAnalysisTemplateReadBackToThePlanGatesIncluded() throws Exception {
        CanaryPlan plan = new CanaryPlan(List.of(10, 20, 40), Duration.ofMinutes(2), 99,
                new LatencyLimit(LatencyLimit.Percentile.P95, Duration.ofMillis(300)), null, CanaryPlan.DEFAULT_MIN_REQUESTS,
                5, Set.of(40), true);

        List<JsonNode> objects = throughYaml(ControllerExport.argo(plan, ORDER_FUNCTION));

        JsonNode rollout = objects.get(0);
        JsonNode template = objects.get(1);
        assertThat(rollout.at("/spec/strategy/canary/canaryService").asText()).isEqualTo("order-function-v2");
        assertThat(rollout.at("/spec/strategy/canary/analysis/templates/0/templateName").asText())
                .isEqualTo(template.at("/metadata/name").asText());
        assertThat(template.at("/spec/metrics/0/failureLimit").asInt()).isEqualTo(4);
        assertThat(template.at("/spec/metrics/1/provider/prometheus/query").asText())
                .startsWith("histogram_quantile(0.95, sum(irate(istio_request_duration_milliseconds_bucket{");
        assertThat(ControllerExport.planOfArgo(rollout, template)).isEqualTo(plan);
    }

    @Test
    void whatAControllerCannotRunIsRefusedByName() {
        CanaryPlan plan = CanaryPlan.defaults();
        ControllerExport.Target lambda = new ControllerExport.Target(ControllerExport.Kind.LAMBDA, "", "invoice-pdf", null,
                "3", "4", 0);
        assertThatThrownBy(() -> ControllerExport.flagger(plan, lambda)).hasMessageContaining("CodeDeploy");
        ControllerExport.Target knative = new ControllerExport.Target(ControllerExport.Kind.KNATIVE, "serverless",
                "image-resize", null, "image-resize-00001", "image-resize-00002", 0);
        assertThatThrownBy(() -> ControllerExport.argo(plan, knative)).hasMessageContaining("--format flagger");
        CanaryPlan p95 = new CanaryPlan(List.of(50), Duration.ofMinutes(1), 99,
                new LatencyLimit(LatencyLimit.Percentile.P95, Duration.ofMillis(300)), null, 10, 5, Set.of(), false);
        assertThatThrownBy(() -> ControllerExport.flagger(p95, ORDER_FUNCTION)).hasMessageContaining("--p99");
    }
}
