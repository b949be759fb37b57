package dev.meshdeck.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.resilience.DestinationPolicy;
import dev.meshdeck.core.resilience.OutlierDetection;
import dev.meshdeck.core.routing.IstioDuration;
import dev.meshdeck.core.routing.RoutingPolicy;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDocumentTest {

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private final YamlReader reader = new YamlReader();

    @Test
    void weightEditChangesOnlyTheWeightLines() throws Exception {
        String input = fixture("order-function-live.yaml");
        PolicyDocument doc = PolicyDocument.of(reader.read("live.yaml", input).get(0));

        PolicyDocument edited = doc.edit(VirtualService.class, vs -> {
            RoutingPolicy policy = RoutingPolicy.from(vs);
            var route = policy.route(0);
            return policy.withRoute(0, route.withSplit(route.split().withWeight("v2", 50))).applyTo(vs);
        });
        String output = YamlRenderer.render(edited.tree());

        assertThat(changedLines(input, output)).containsExactly(
                "-    - weight: 90", "+    - weight: 50",
                "-      weight: 10", "+      weight: 50");
    }

    @Test
    void unchangedDocumentRendersExactlyAsRead() throws Exception {
        String input = fixture("order-function-live.yaml");
        PolicyDocument doc = PolicyDocument.of(reader.read("live.yaml", input).get(0));

        PolicyDocument same = doc.edit(VirtualService.class, vs -> RoutingPolicy.from(vs).applyTo(vs));

        assertThat(same.changed()).isFalse();
        assertThat(YamlRenderer.render(same.tree())).isEqualTo(input);
    }

    @Test
    void editsAppendNewKeysAndRemoveClearedOnesKeepingTheRestInPlace() throws Exception {
        String input = fixture("order-function-live.yaml");
        PolicyDocument doc = PolicyDocument.of(reader.read("live.yaml", input).get(0));

        PolicyDocument edited = doc.edit(VirtualService.class, vs -> {
            RoutingPolicy policy = RoutingPolicy.from(vs);
            var route = policy.route(0).withRetries(null).withTimeout(IstioDuration.ofSeconds(8));
            return policy.withRoute(0, route).applyTo(vs);
        });

        JsonNode route = edited.tree().at("/spec/http/0");
        List<String> keys = new ArrayList<>();
        route.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("name", "x-team-note", "timeout", "route", "fault");
        assertThat(route.get("timeout").asText()).isEqualTo("8s");
        assertThat(route.at("/fault/delay/fixedDelay").asText()).isEqualTo("1.50s");
        assertThat(changedLines(input, YamlRenderer.render(edited.tree()))).containsExactly(
                "-    timeout: 5s", "+    timeout: 8s",
                "-    retries:", "-      retryOn: 5xx,connect-failure", "-      attempts: 3", "-      perTryTimeout: 2s");
    }

    @Test
    void newSectionIsAppendedAtTheEndOfItsParent() throws Exception {
        String input = """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: inventory-function
                  namespace: backend
                spec:
                  subsets:
                  - name: v1
                    labels:
                      version: v1
                  host: inventory-function
                """;
        PolicyDocument doc = PolicyDocument.of(reader.read("dr.yaml", input).get(0));

        PolicyDocument edited = doc.edit(DestinationRule.class, dr -> {
            DestinationPolicy p = DestinationPolicy.from(dr);
            return p.withTrafficPolicy(p.trafficPolicy().withOutlierDetection(OutlierDetection.ejectAfter(5,
                    IstioDuration.ofSeconds(10), IstioDuration.ofSeconds(30), 50))).applyTo(dr);
        });

        // the new section comes last in its parent; inside it, fields follow fabric8's (alphabetical) order
        assertThat(YamlRenderer.render(edited.tree())).isEqualTo(input + """
                  trafficPolicy:
                    outlierDetection:
                      baseEjectionTime: 30s
                      consecutive5xxErrors: 5
                      interval: 10s
                      maxEjectionPercent: 50
                """);
    }

    @Test
    void forReviewStripsExactlyTheServerOwnedFields() throws Exception {
        JsonNode live = reader.read("live.yaml", fixture("order-function-live.yaml")).get(0).tree();

        JsonNode review = YamlRenderer.forReview(live);

        List<String> metadataKeys = new ArrayList<>();
        review.get("metadata").fieldNames().forEachRemaining(metadataKeys::add);
        assertThat(metadataKeys).containsExactly("annotations", "labels", "name", "namespace", "ownerReferences");
        assertThat(review.at("/metadata/annotations").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("meshdeck.dev/owner");
        assertThat(review.has("status")).isFalse();
        assertThat(review.get("spec")).isEqualTo(live.get("spec"));
        // the input is not modified
        assertThat(live.has("status")).isTrue();
    }

    @Test
    void forReviewDropsMetadataMapsLeftEmpty() throws Exception {
        JsonNode live = reader.read("a.yaml", """
                kind: PeerAuthentication
                metadata:
                  name: default
                  annotations:
                    kubectl.kubernetes.io/last-applied-configuration: '{}'
                  labels: {}
                """).get(0).tree();

        assertThat(YamlRenderer.render(YamlRenderer.forReview(live))).isEqualTo("""
                kind: PeerAuthentication
                metadata:
                  name: default
                """);
    }

    @Test
    void forReviewLeavesOutTheRevisionTheDeploymentControllerKeeps() throws Exception {
        JsonNode live = reader.read("a.yaml", """
                kind: Deployment
                metadata:
                  name: payment-function
                  annotations:
                    deployment.kubernetes.io/revision: "3"
                    kubernetes.io/change-cause: CI release 7.5
                """).get(0).tree();

        assertThat(YamlRenderer.render(YamlRenderer.forReview(live))).isEqualTo("""
                kind: Deployment
                metadata:
                  name: payment-function
                  annotations:
                    kubernetes.io/change-cause: CI release 7.5
                """);
    }

    @Test
    void multiDocumentOutputParsesBackToTheSameObjects() throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        for (YamlDocument d : reader.read("live.yaml", fixture("order-function-live.yaml") + "---\n" + """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata:
                  name: tricky-strings
                spec:
                  rules:
                  - to:
                    - operation:
                        methods: ["*"]
                        ports: ["8080", "0x1F"]
                        hosts: ["on", "yes", "No", "1.0", "1e3", "2024-01-01", "<<", "=", ".inf", "~", "null", "true", "a: b", "#x", "-", ""]
                """)) {
            docs.add(d.tree());
        }

        String rendered = YamlRenderer.renderAll(docs);
        List<YamlDocument> back = reader.read("rendered.yaml", rendered);

        assertThat(rendered).contains("\n---\n").contains("- '*'").contains("- \"on\"").contains("- \"1.0\"");
        assertThat(back).hasSize(2);
        for (int i = 0; i < docs.size(); i++) {
            assertThat(back.get(i).tree().equals(NUMBERS_BY_VALUE, docs.get(i))).as("document %d", i).isTrue();
        }
        // what a YAML 1.1 reader (kubectl) would take for a non-string stays quoted
        assertThat(rendered).contains("- \"0x1F\"", "- \"1e3\"", "- \"2024-01-01\"", "- \"<<\"", "- \"=\"", "- \".inf\"");
    }

    @Test
    void editedDocumentParsesBackAndEqualsTheEditedTree() throws Exception {
        PolicyDocument doc = PolicyDocument.of(reader.read("live.yaml", fixture("order-function-live.yaml")).get(0));
        PolicyDocument edited = doc.edit(VirtualService.class, vs -> {
            RoutingPolicy p = RoutingPolicy.from(vs);
            return p.withRoute(0, p.route(0).withSplit(p.route(0).split().withWeight("v2", 100))).applyTo(vs);
        });

        JsonNode back = reader.read("out.yaml", YamlRenderer.render(edited.tree())).get(0).tree();

        assertThat(back.equals(NUMBERS_BY_VALUE, edited.tree())).isTrue();
        assertThat(back.at("/spec/http/0/route/0/weight").asInt()).isZero();
        assertThat(back.at("/spec/http/0/route/1/weight").asInt()).isEqualTo(100);
    }

    /** A minimal line diff: lines only in {@code before} prefixed "-", only in {@code after} "+", in order. */
    static List<String> changedLines(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> diff = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                diff.add("-" + a.get(i++));
            } else {
                diff.add("+" + b.get(j++));
            }
        }
        return diff;
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = PolicyDocumentTest.class.getResourceAsStream("/yaml/roundtrip/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
