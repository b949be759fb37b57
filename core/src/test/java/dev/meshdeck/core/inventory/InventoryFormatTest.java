package dev.meshdeck.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryFormatTest {

    private static final SourceRef.KubeContext SANDBOX = new SourceRef.KubeContext("meshdeck-sandbox", "c", "https://127.0.0.1:1");
    private static final SourceRef.AwsRegion AWS = new SourceRef.AwsRegion("123456789012", "eu-west-1", "default");

    private final ServerlessFunction canary = new ServerlessFunction(
            new FunctionId(SANDBOX, Platform.KUBERNETES, "serverless", "order-function"),
            List.of(new TrafficShare("order-function-v1", 90), new TrafficShare("order-function-v2", 10)),
            new MeshStatus(true, List.of("serverless/order-function"), List.of("serverless/order-function"),
                    List.of(), List.of("istio-system/default"), List.of()),
            new Health(2, 2, 2, "Ready"),
            Map.of("app", "order-function"));

    private final ServerlessFunction lambda = new ServerlessFunction(
            new FunctionId(AWS, Platform.LAMBDA, "", "invoice-pdf"),
            List.of(new TrafficShare("3", 90, "live"), new TrafficShare("4", 10, "live")),
            MeshStatus.NOT_IN_MESH,
            new Health(1, 1, 0, "Active"),
            Map.of());

    @Test
    void jsonRowsCarryEveryInventoryField() throws Exception {
        JsonNode rows = new ObjectMapper().readTree(InventoryFormat.JSON.render(List.of(canary, lambda)));

        JsonNode k = rows.get(0);
        assertThat(k.get("platform").asText()).isEqualTo("kubernetes");
        assertThat(k.get("context").asText()).isEqualTo("meshdeck-sandbox");
        assertThat(k.get("namespace").asText()).isEqualTo("serverless");
        assertThat(k.get("traffic").get(1).get("version").asText()).isEqualTo("order-function-v2");
        assertThat(k.get("traffic").get(1).get("percent").asDouble()).isEqualTo(10.0);
        assertThat(k.get("mesh").get("sidecarInjected").asBoolean()).isTrue();
        assertThat(k.get("mesh").get("peerAuthentications").get(0).asText()).isEqualTo("istio-system/default");
        assertThat(k.get("health").get("level").asText()).isEqualTo("healthy");

        JsonNode l = rows.get(1);
        assertThat(l.get("account").asText()).isEqualTo("123456789012");
        assertThat(l.get("region").asText()).isEqualTo("eu-west-1");
        assertThat(l.has("context")).isFalse();
        assertThat(l.get("traffic").get(0).get("tag").asText()).isEqualTo("live");
    }

    @Test
    void tableAlignsColumnsAndSummarisesTrafficMeshAndHealth() {
        String[] lines = InventoryFormat.TABLE.render(List.of(canary, lambda)).split("\n");

        assertThat(lines[0]).startsWith("PLATFORM").contains("TRAFFIC");
        assertThat(lines[1]).contains("order-function-v1 90% · order-function-v2 10%")
                .contains("sidecar VS:1 DR:1 PA:1").endsWith("2/2 ep:2 Ready");
        assertThat(lines[2]).contains("123456789012/eu-west-1").contains("3 90% [live]");
        int nameColumn = lines[0].indexOf("NAME ");
        assertThat(lines[1].indexOf("order-function ")).isEqualTo(nameColumn);
        assertThat(lines[2].indexOf("invoice-pdf")).isEqualTo(nameColumn);
    }

    @Test
    void severalVersionsWithoutRoutingAreNotShownAsASplit() {
        assertThat(InventoryFormat.trafficText(List.of(new TrafficShare("v1", 0), new TrafficShare("v2", 0))))
                .isEqualTo("v1,v2 (no routing)");
    }

    @Test
    void trafficPartsAreTheTextsVersionsForAWindowToLayOut() {
        List<TrafficShare> split = List.of(new TrafficShare("image-resize-00001", 90),
                new TrafficShare("image-resize-00002", 10, "canary"));

        assertThat(InventoryFormat.trafficParts(split)).containsExactly("image-resize-00001 90%", "image-resize-00002 10% [canary]");
        assertThat(InventoryFormat.trafficText(split)).isEqualTo("image-resize-00001 90% · image-resize-00002 10% [canary]");
        assertThat(InventoryFormat.trafficParts(List.of())).isEmpty();
        assertThat(InventoryFormat.trafficText(List.of())).isEqualTo("-");
    }

    @Test
    void yamlIsAListOfRows() {
        String yaml = InventoryFormat.YAML.render(List.of(lambda));
        assertThat(yaml).startsWith("- platform: lambda").contains("name: invoice-pdf");
    }
}
