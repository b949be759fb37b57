package dev.meshdeck.core.editing.forms;

import static dev.meshdeck.core.editing.forms.FormChecks.changedLines;
import static dev.meshdeck.core.editing.forms.FormChecks.errors;
import static dev.meshdeck.core.editing.forms.FormChecks.fixture;
import static dev.meshdeck.core.editing.forms.FormChecks.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.resilience.LoadBalancer;
import dev.meshdeck.core.resilience.Subset;
import dev.meshdeck.core.resilience.TlsSettings;
import dev.meshdeck.core.routing.IstioDuration;
import dev.meshdeck.core.yaml.YamlDocument;
import dev.meshdeck.core.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResilienceFormTest {

    private static ResilienceForm inventory() throws Exception {
        return ResilienceForm.of(read(fixture("inventory-function-dr.yaml")));
    }

    @Test
    void tightenedInventoryCircuitBreakerIsStricterAndValid() throws Exception {
        ResilienceForm form = inventory();
        ResilienceForm tight = form.tightened();

        assertThat(tight.value("connectionPool.tcp.maxConnections")).isEqualTo(50L);
        assertThat(tight.value("connectionPool.tcp.connectTimeout")).isEqualTo(IstioDuration.ofSeconds(1));
        assertThat(tight.value("connectionPool.http.http1MaxPendingRequests")).isEqualTo(25L);
        assertThat(tight.value("connectionPool.http.http2MaxRequests")).isEqualTo(100L);
        assertThat(tight.value("connectionPool.http.maxRetries")).isEqualTo(3L);
        assertThat(tight.value("outlierDetection.consecutive5xxErrors")).isEqualTo(2L);
        assertThat(tight.text("outlierDetection.baseEjectionTime")).isEqualTo("30s");
        assertThat(tight.value("outlierDetection.maxEjectionPercent")).as("kept").isEqualTo(100L);

        JsonNode candidate = tight.candidate();
        assertThat(changedLines(form.live(), candidate)).containsExactlyInAnyOrder(
                "+        maxConnections: 50", "+        connectTimeout: 1s",
                "+        http1MaxPendingRequests: 25", "+        http2MaxRequests: 100", "+        maxRetries: 3",
                "+      consecutive5xxErrors: 2",
                "-        maxConnections: 100", "-        connectTimeout: 3s",
                "-        http1MaxPendingRequests: 50", "-        http2MaxRequests: 200",
                "-      consecutive5xxErrors: 3");
        assertThat(candidate.at("/metadata/annotations/meshdeck.dev~1description").asText()).isEqualTo("circuit breaker");
        assertThat(candidate.at("/spec/trafficPolicy/portLevelSettings/0/connectionPool/tcp/maxConnections").asInt())
                .isEqualTo(20);
        assertThat(candidate.at("/spec/subsets/1/trafficPolicy/loadBalancer/simple").asText()).isEqualTo("ROUND_ROBIN");
        assertThat(errors(candidate)).isEmpty();
    }

    @Test
    void everyConnectionPoolAndOutlierDetectionFieldOfTheCrdHasAControl() throws Exception {
        Path crds = Path.of(System.getProperty("meshdeck.shared", "../../shared"), "corpus", "istio-crds", "crd-all.gen.yaml");
        JsonNode trafficPolicy = null;
        for (YamlDocument d : new YamlReader().read(crds.toString(), Files.readString(crds))) {
            if (d.tree().at("/spec/names/kind").asText().equals("DestinationRule")) {
                trafficPolicy = d.tree().at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/trafficPolicy/properties");
            }
        }
        assertThat(trafficPolicy).as("DestinationRule CRD in " + crds).isNotNull();
        List<String> crdFields = new ArrayList<>();
        leaves("connectionPool", trafficPolicy.get("connectionPool"), crdFields);
        leaves("outlierDetection", trafficPolicy.get("outlierDetection"), crdFields);

        assertThat(ResilienceForm.circuitBreakerFields()).extracting(FieldSpec::key)
                .containsExactlyInAnyOrderElementsOf(crdFields);
        assertThat(ResilienceForm.circuitBreakerFields()).allSatisfy(f -> {
            assertThat(f.label()).isNotBlank();
            assertThat(f.tooltip()).as(f.key()).contains("Istio's default").hasSizeGreaterThan(40);
            assertThat(f.min()).isLessThanOrEqualTo(f.max());
        });
    }

    private static void leaves(String path, JsonNode schema, List<String> out) {
        JsonNode properties = schema.get("properties");
        if (properties == null) {
            out.add(path);
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            leaves(path + "." + e.getKey(), e.getValue(), out);
        }
    }

    @Test
    void fieldValuesAreValidatedWithAMessageForTheReader() throws Exception {
        ResilienceForm form = inventory();

        assertThat(form.problem("connectionPool.tcp.maxConnections", "0"))
                .contains("Max connections must be between 1 and 100000 connections; 0 is outside that range");
        assertThat(form.problem("outlierDetection.consecutive5xxErrors", "lots"))
                .contains("Consecutive 5xx errors: 'lots' is not a whole number");
        assertThat(form.problem("outlierDetection.interval", "2 weeks")).isPresent();
        assertThat(form.problem("connectionPool.http.h2UpgradePolicy", "SOMETIMES"))
                .contains("HTTP/2 upgrade is one of DEFAULT, DO_NOT_UPGRADE, UPGRADE, not 'SOMETIMES'");
        assertThatThrownBy(() -> form.withValue("outlierDetection.maxEjectionPercent", "150"))
                .hasMessageContaining("Max ejection must be between 0 and 100 %");
    }

    @Test
    void everyFieldCanBeSetReadBackAndCleared() throws Exception {
        ResilienceForm form = inventory();
        Map<FieldSpec.Kind, String> samples = Map.of(FieldSpec.Kind.INTEGER, "7", FieldSpec.Kind.DURATION, "2s",
                FieldSpec.Kind.BOOLEAN, "true", FieldSpec.Kind.INTEGER_LIST, "500, 503");
        for (FieldSpec f : ResilienceForm.circuitBreakerFields()) {
            String text = f.kind() == FieldSpec.Kind.CHOICE ? "UPGRADE" : samples.get(f.kind());
            ResilienceForm set = form.withValue(f.key(), text);
            assertThat(set.text(f.key())).as(f.key()).isEqualTo(text);
            assertThat(set.candidate().at("/spec/trafficPolicy/" + f.key().replace('.', '/')).isMissingNode())
                    .as(f.key()).isFalse();
            ResilienceForm cleared = set.withValue(f.key(), "");
            assertThat(cleared.value(f.key())).as(f.key()).isNull();
        }
        ResilienceForm noTcp = form.withValue("connectionPool.tcp.maxConnections", "")
                .withValue("connectionPool.tcp.connectTimeout", " ");
        assertThat(noTcp.candidate().at("/spec/trafficPolicy/connectionPool").has("tcp")).isFalse();
    }

    @Test
    void localityDistributeTableRejectsAFromNotTotallingHundred() throws Exception {
        LocalityTable table = LocalityTable.empty()
                .addingDistribute("us-west1/zone-a/*", "us-west1/zone-a/*", 80)
                .addingDistribute("us-west1/zone-a/*", "us-west1/zone-b/*", 10)
                .addingDistribute("us-west1/zone-b/*", "us-west1/zone-b/*", 100);

        assertThat(table.totalFrom("us-west1/zone-a/*")).isEqualTo(90);
        assertThat(table.problems()).containsExactly("traffic from us-west1/zone-a/* totals 90%, not 100%: change the "
                + "rows from us-west1/zone-a/* so their percentages add up to 100");
        assertThatThrownBy(() -> inventory().withLocality(table)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("traffic from us-west1/zone-a/* totals 90%, not 100%");

        LocalityTable fixed = table.withDistribute(1, new LocalityTable.DistributeRow("us-west1/zone-a/*", "us-west1/zone-b/*", 20));
        ResilienceForm form = inventory().withLocality(fixed);
        JsonNode distribute = form.candidate().at("/spec/trafficPolicy/loadBalancer/localityLbSetting/distribute");
        assertThat(distribute.get(0).at("/to/us-west1~1zone-b~1*").asInt()).isEqualTo(20);
        assertThat(form.localityTable()).isEqualTo(fixed);
        assertThat(errors(form.candidate())).isEmpty();
    }

    @Test
    void failoverTableAndItsProblems() throws Exception {
        LocalityTable both = LocalityTable.empty().addingDistribute("a", "a", 100).addingFailover("us-east1", "us-east1");
        assertThat(both.problems()).containsExactly(
                "Istio takes either a distribute table or a failover table, not both: clear one of them",
                "failover row 1 fails over from us-east1 to itself; pick another region");

        ResilienceForm form = inventory().withLoadBalancer(LoadBalancer.simple(LoadBalancer.Algorithm.ROUND_ROBIN))
                .withLocality(LocalityTable.empty().addingFailover("us-east1", "us-west1"));
        JsonNode lb = form.candidate().at("/spec/trafficPolicy/loadBalancer");
        assertThat(lb.at("/simple").asText()).isEqualTo("ROUND_ROBIN");
        assertThat(lb.at("/localityLbSetting/failover/0/to").asText()).isEqualTo("us-west1");
        assertThat(form.withLocality(LocalityTable.empty()).candidate().at("/spec/trafficPolicy/loadBalancer")
                .has("localityLbSetting")).isFalse();
    }

    @Test
    void consistentHashSubsetsAndTlsModeKeepUntouchedLines() throws Exception {
        ResilienceForm form = inventory();
        ResilienceForm edited = form.withLoadBalancer(LoadBalancer.hashOn(new LoadBalancer.Header("x-user-id")))
                .addingVersionSubset("v3")
                .withTlsMode(TlsSettings.Mode.ISTIO_MUTUAL);

        assertThat(changedLines(form.live(), edited.candidate())).containsExactlyInAnyOrder(
                "+    loadBalancer:", "+      consistentHash:", "+        httpHeaderName: x-user-id",
                "+    tls:", "+      mode: ISTIO_MUTUAL",
                "+  - name: v3", "+    labels:", "+      version: v3");
        ResilienceForm removed = edited.removingSubset("v1");
        assertThat(removed.candidate().at("/spec/subsets/0/name").asText()).isEqualTo("v2");
        assertThat(removed.candidate().at("/spec/subsets/0/trafficPolicy/loadBalancer/simple").asText()).isEqualTo("ROUND_ROBIN");
        assertThatThrownBy(() -> form.removingSubset("v9")).hasMessageContaining("no subset 'v9'; the subsets are [v1, v2]");
        assertThat(edited.withSubset(Subset.ofVersion("v1")).subsets()).hasSize(3);
    }

    @Test
    void newDestinationRuleHasSandboxDefaultsAndPassesValidation() throws Exception {
        ResilienceForm form = ResilienceForm.newFor(FunctionTarget.of("serverless", "order-function"));
        JsonNode c = form.candidate();

        assertThat(c.at("/spec/host").asText()).isEqualTo("order-function");
        assertThat(c.at("/spec/trafficPolicy/loadBalancer/simple").asText()).isEqualTo("LEAST_CONN");
        assertThat(c.at("/spec/trafficPolicy/outlierDetection/consecutive5xxErrors").asInt()).isEqualTo(5);
        assertThat(form.loadBalancer()).isEqualTo(LoadBalancer.simple(LoadBalancer.Algorithm.LEAST_CONN));
        assertThat(errors(c)).isEmpty();
    }

    @Test
    void yamlTextEditsFlowBackIntoTheForm() throws Exception {
        ResilienceForm form = inventory();
        String text = form.candidateYaml().replace("consecutive5xxErrors: 3", "consecutive5xxErrors: 7");

        ResilienceForm followed = form.fromYaml(text);

        assertThat(followed.value("outlierDetection.consecutive5xxErrors")).isEqualTo(7L);
        assertThat(followed.candidateYaml()).isEqualTo(text);
        assertThat(form.candidateYaml()).isEqualTo(form.fromYaml(form.candidateYaml()).candidateYaml());
        assertThat(followed.live()).isEqualTo(form.live());
    }
}
