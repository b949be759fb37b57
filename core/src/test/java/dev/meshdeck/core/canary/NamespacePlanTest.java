package dev.meshdeck.core.canary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NamespacePlanTest {

    static ObjectNode configMap(String yaml) {
        ObjectNode map = JsonNodeFactory.instance.objectNode();
        map.put("apiVersion", "v1").put("kind", "ConfigMap");
        map.putObject("metadata").put("name", NamespacePlan.CONFIG_MAP).put("namespace", "serverless");
        map.putObject("data").put(NamespacePlan.KEY, yaml);
        return map;
    }

    @Test
    void aSavedPlanReadsBackTheSame() {
        CanaryPlan plan = new CanaryPlan(List.of(25, 50), Duration.ofSeconds(10), 97.5,
                new LatencyLimit(LatencyLimit.Percentile.P95, Duration.ofMillis(300)), 5.0, 20, 2, Set.of(50), true);

        ObjectNode written = NamespacePlan.configMap("serverless", plan, null);

        assertThat(written.at("/metadata/name").asText()).isEqualTo("meshdeck-canary-plan");
        assertThat(NamespacePlan.of("serverless", written)).contains(plan);
        CanaryPlan none = new CanaryPlan(List.of(10), Duration.ofMinutes(2), 99, null, null, 10, 5, Set.of(), false);
        assertThat(NamespacePlan.of("serverless", NamespacePlan.configMap("serverless", none, null))).contains(none);
    }

    @Test
    void fieldsLeftOutAreFlaggersDefaults() {
        CanaryPlan plan = NamespacePlan.of("serverless", configMap("interval: 10s\nsteps: [25, 50]\n")).orElseThrow();

        assertThat(plan.steps()).containsExactly(25, 50);
        assertThat(plan.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(plan.threshold()).isEqualTo(CanaryPlan.DEFAULT_THRESHOLD);
        assertThat(plan.latency()).isEqualTo(CanaryPlan.DEFAULT_LATENCY);
    }

    @Test
    void savingKeepsTheConfigMapsOtherKeysAndVersion() {
        ObjectNode live = configMap("interval: 10s\n");
        live.with("metadata").put("resourceVersion", "42");
        ((ObjectNode) live.get("data")).put("owner", "team-payments");

        ObjectNode written = NamespacePlan.configMap("serverless", CanaryPlan.defaults(), live);

        assertThat(written.at("/metadata/resourceVersion").asText()).isEqualTo("42");
        assertThat(written.at("/data/owner").asText()).isEqualTo("team-payments");
        assertThat(NamespacePlan.of("serverless", written)).contains(CanaryPlan.defaults());
    }

    @Test
    void badDataNamesTheConfigMapKeyLineAndField() {
        assertThatThrownBy(() -> NamespacePlan.of("serverless", configMap("steps: [25, 50]\ninterval: soon\n")))
                .isInstanceOf(NamespacePlan.Invalid.class)
                .hasMessageStartingWith("ConfigMap serverless/meshdeck-canary-plan, key plan.yaml:2:")
                .hasMessageContaining("interval: give a duration such as 500ms, 10s or 1m, not 'soon'");
        assertThatThrownBy(() -> NamespacePlan.of("serverless", configMap("threshold: 2\nlatency:\n  percentile: p90\n  max: 1s\n")))
                .hasMessageContaining("plan.yaml:3:").hasMessageContaining("latency.percentile: expected p95 or p99, not 'p90'");
        assertThatThrownBy(() -> NamespacePlan.of("serverless", configMap("step: [10]\n")))
                .hasMessageContaining("plan.yaml:1:").hasMessageContaining("step: unknown field");
        assertThatThrownBy(() -> NamespacePlan.of("serverless", configMap("steps: [50, 25]\n")))
                .hasMessageContaining("plan.yaml").hasMessageContaining("steps must rise strictly");
        assertThatThrownBy(() -> NamespacePlan.of("serverless", configMap("threshold: many\n")))
                .hasMessageContaining("threshold: expected a whole number, not 'many'");
    }

    @Test
    void aConfigMapWithoutThePlanKeySaysHowToWriteIt() {
        ObjectNode map = configMap("x");
        ((ObjectNode) map.get("data")).remove(NamespacePlan.KEY);

        assertThatThrownBy(() -> NamespacePlan.of("serverless", map))
                .hasMessage("ConfigMap serverless/meshdeck-canary-plan, key plan.yaml: missing;"
                        + " `meshdeck canary plan set -n serverless` writes it");
        assertThat(NamespacePlan.of("serverless", null)).isEmpty();
    }
}
