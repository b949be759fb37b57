package dev.meshdeck.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanaryEditorTest {

    private static JsonNode read(String yaml) throws Exception {
        return new YamlReader().read("live.yaml", yaml).get(0).tree();
    }

    /** Lines of {@code after} that are not in {@code before}: what a reviewer sees as added. */
    private static List<String> changedLines(String before, String after) {
        List<String> added = new ArrayList<>(after.lines().toList());
        before.lines().forEach(added::remove);
        return added;
    }

    private static final String INVOICE_PDF_LIVE = """
            apiVersion: lambda.meshdeck.dev/v1
            kind: LambdaAlias
            metadata:
              name: live
              resourceVersion: 0b7c-rev
            spec:
              functionName: invoice-pdf
              functionVersion: "3"
              routingConfig:
                additionalVersionWeights:
                  "4": 0.1
            """;

    private static final String CANARY_VS = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: order-function
              namespace: serverless
              resourceVersion: "42"
              annotations:
                team: orders
            spec:
              hosts:
              - order-function
              http:
              - route:
                - destination:
                    host: order-function-v1
                  weight: 90
                - destination:
                    host: order-function-v2
                  weight: 10
                timeout: 5s
            """;

    @Test
    void istioCanaryMovesFromTenToFiftyChangingOnlyTheWeights() throws Exception {
        CanaryEditor editor = CanaryEditor.of(read(CANARY_VS));
        assertThat(editor.split().candidate()).isEqualTo("order-function-v2");
        assertThat(editor.split().candidatePercent()).isEqualTo(10.0);

        CanaryEditor moved = editor.withCandidatePercent(50);
        String before = CanaryEditor.of(read(CANARY_VS)).candidateYaml();
        String after = moved.candidateYaml();

        assertThat(changedLines(before, after)).containsExactly("      weight: 50", "      weight: 50");
        assertThat(after).contains("team: orders").contains("timeout: 5s").doesNotContain("resourceVersion");
        assertThat(moved.candidate().at("/metadata/resourceVersion").asText())
                .as("the candidate keeps the concurrency token for apply").isEqualTo("42");
    }

    @Test
    void knativeTrafficKeepsTagsAndRevisions() throws Exception {
        JsonNode service = read("""
                apiVersion: serving.knative.dev/v1
                kind: Service
                metadata:
                  name: image-resize
                  namespace: serverless
                spec:
                  template:
                    spec:
                      containers:
                      - image: registry.example/resize:2
                  traffic:
                  - revisionName: image-resize-00001
                    percent: 90
                  - revisionName: image-resize-00002
                    percent: 10
                    tag: canary
                """);
        CanaryEditor editor = CanaryEditor.of(service).withCandidatePercent(25);

        assertThat(editor.split().candidate()).isEqualTo("image-resize-00002");
        JsonNode traffic = editor.candidate().at("/spec/traffic");
        assertThat(traffic.get(0).get("percent").asInt()).isEqualTo(75);
        assertThat(traffic.get(1).get("percent").asInt()).isEqualTo(25);
        assertThat(traffic.get(1).get("tag").asText()).isEqualTo("canary");
        assertThat(traffic.get(1).get("revisionName").asText()).isEqualTo("image-resize-00002");
    }

    @Test
    void lambdaAliasWeightIsAFraction() throws Exception {
        JsonNode alias = read(INVOICE_PDF_LIVE);
        CanaryEditor editor = CanaryEditor.of(alias);
        assertThat(editor.split().candidate()).isEqualTo("4");
        assertThat(editor.split().candidatePercent()).isEqualTo(10.0);

        JsonNode candidate = editor.withCandidatePercent(50).candidate();
        assertThat(candidate.at("/spec/functionVersion").asText()).isEqualTo("3");
        assertThat(candidate.at("/spec/routingConfig/additionalVersionWeights/4").asDouble()).isEqualTo(0.5);
        assertThat(candidate.at("/metadata/resourceVersion").asText()).isEqualTo("0b7c-rev");
    }

    @Test
    void promotingALambdaAliasPointsItAtTheCandidateAndClearsTheWeights() throws Exception {
        JsonNode alias = read(INVOICE_PDF_LIVE);

        JsonNode promoted = CanaryEditor.of(alias).promoted().candidate();

        assertThat(promoted.at("/spec/functionVersion").asText()).isEqualTo("4");
        assertThat(promoted.at("/spec/routingConfig").isMissingNode()).isTrue();
        assertThat(promoted.at("/metadata/resourceVersion").asText()).isEqualTo("0b7c-rev");
        assertThat(CanaryEditor.of(alias, "5").promoted().candidate().at("/spec/functionVersion").asText())
                .as("promoting a version named outright skips the canary").isEqualTo("5");
    }

    @Test
    void promotingAnIstioCanaryGivesTheCandidateEveryRequest() throws Exception {
        JsonNode promoted = CanaryEditor.of(read(CANARY_VS)).promoted().candidate();

        assertThat(promoted.at("/spec/http/0/route/0/weight").asInt()).isZero();
        assertThat(promoted.at("/spec/http/0/route/1/weight").asInt()).isEqualTo(100);
    }

    @Test
    void aliasOnOneVersionNeedsTheCandidateNamed() throws Exception {
        JsonNode alias = read("""
                apiVersion: lambda.meshdeck.dev/v1
                kind: LambdaAlias
                metadata: {name: live}
                spec: {functionName: notify-email, functionVersion: "2"}
                """);
        assertThatThrownBy(() -> CanaryEditor.of(alias)).hasMessageContaining("sends all traffic to version 2");
        JsonNode started = CanaryEditor.of(alias, "3").withCandidatePercent(10).candidate();
        assertThat(started.at("/spec/routingConfig/additionalVersionWeights/3").asDouble()).isEqualTo(0.1);
    }

    @Test
    void singleDestinationAndForeignKindsAreExplained() throws Exception {
        String single = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: payment-function, namespace: payments}
                spec:
                  hosts: [payment-function]
                  http:
                  - route:
                    - destination: {host: payment-function}
                """;
        assertThatThrownBy(() -> CanaryEditor.of(read(single))).hasMessageContaining("add the candidate version");
        assertThatThrownBy(() -> CanaryEditor.of(read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n")))
                .hasMessageContaining("does not carry a traffic split");
        assertThatThrownBy(() -> CanaryEditor.of(read(CANARY_VS)).withCandidatePercent(120))
                .hasMessageContaining("outside 0-100");
    }
}
