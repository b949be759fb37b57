package dev.meshdeck.core.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.validation.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrafficEditorModelTest {

    private final EditSession session = new EditSession();

    private TrafficEditorModel open(FunctionId id, List<MeshResource> resources) {
        session.open(id, resources);
        return new TrafficEditorModel(session.trafficDraft(id).orElseThrow());
    }

    private static List<Integer> percents(TrafficEditorModel model) {
        return model.shares().stream().map(s -> (int) Math.round(s.percent())).toList();
    }

    @Test
    void sliderReadsTheCanaryAndLabelsItShort() {
        TrafficEditorModel model = open(Fixtures.ORDERS, Fixtures.orders());

        assertThat(model.candidateVersion()).contains("v2");
        assertThat(model.stableVersion()).contains("v1");
        assertThat(model.candidatePercent()).isEqualTo(10);
        assertThat(model.candidateLabel()).isEqualTo("v2 10%");
    }

    @Test
    void movingTheSliderChangesOnlyTheWeightsAndKeepsUnknownFields() {
        TrafficEditorModel model = open(Fixtures.ORDERS, Fixtures.orders());

        model.setCandidatePercent(50);

        assertThat(model.candidateLabel()).isEqualTo("v2 50%");
        assertThat(model.draft().diff().lines()).filteredOn(l -> l.change() != LineDiff.Change.SAME)
                .extracting(LineDiff.Line::text)
                .containsExactly("      weight: 90", "      weight: 50", "      weight: 10", "      weight: 50");
        assertThat(model.candidateYaml()).contains("x-vendor-extension: keep-me", "team: orders", "timeout: 5s")
                .doesNotContain("resourceVersion", "observedGeneration");
        assertThat(model.draft().candidate().at("/metadata/resourceVersion").asText())
                .as("kept for apply's optimistic concurrency").isEqualTo("42");
    }

    @Test
    void presetsAndStepsClampToTheRange() {
        TrafficEditorModel model = open(Fixtures.ORDERS, Fixtures.orders());

        model.setCandidatePercent(TrafficEditorModel.PRESETS.get(4));
        assertThat(percents(model)).containsExactly(0, 100);
        model.step(TrafficEditorModel.LARGE_STEP);
        assertThat(model.candidatePercent()).isEqualTo(100);
        model.step(-TrafficEditorModel.LARGE_STEP);
        model.step(-TrafficEditorModel.SMALL_STEP);
        assertThat(percents(model)).containsExactly(6, 94);
        model.setCandidatePercent(-20);
        assertThat(model.candidatePercent()).isZero();
    }

    @Test
    void lockedSliderIgnoresEveryChange() {
        TrafficEditorModel model = open(Fixtures.ORDERS, Fixtures.orders());
        model.setLocked(true);

        assertThat(model.setCandidatePercent(50)).isFalse();
        assertThat(model.step(5)).isFalse();
        assertThat(model.setWeight(0, 20)).isFalse();
        assertThat(model.draft().dirty()).isFalse();

        model.setLocked(false);
        assertThat(model.step(5)).isTrue();
        assertThat(model.candidatePercent()).isEqualTo(15);
    }

    @Test
    void weightsTableRebalancesTheOthersAndAlwaysTotalsHundred() {
        TrafficEditorModel model = open(Fixtures.ORDERS, Fixtures.orders(Fixtures.THREE_WAY_VS));
        assertThat(percents(model)).containsExactly(70, 20, 10);

        model.setWeight(0, 40);
        assertThat(percents(model)).as("v2 and v3 keep their 2:1 ratio").containsExactly(40, 40, 20);
        model.setWeight(2, 55);
        assertThat(percents(model)).containsExactly(23, 22, 55);
        for (int value : new int[] {0, 1, 33, 99, 100}) {
            model.setWeight(1, value);
            assertThat(percents(model).stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
            assertThat(percents(model).get(1)).isEqualTo(value);
        }
        assertThat(model.candidateYaml()).contains("subset: v3");
    }

    @Test
    void knativeTrafficTargetsKeepTheirTags() {
        TrafficEditorModel model = open(Fixtures.RESIZE, Fixtures.resize());
        assertThat(model.candidateLabel()).isEqualTo("00002 10%");

        model.setWeight(0, 25);

        assertThat(percents(model)).containsExactly(25, 75);
        assertThat(model.candidateYaml()).contains("percent: 75", "tag: canary");
    }

    @Test
    void lambdaAliasPrimaryRowMovesTheAdditionalVersion() {
        TrafficEditorModel model = open(Fixtures.INVOICE, Fixtures.invoice());
        assertThat(model.shares()).extracting(TrafficShare::version).containsExactly("3", "4");

        model.setWeight(0, 70);

        assertThat(model.candidatePercent()).isEqualTo(30);
        assertThat(model.candidateYaml()).contains("\"4\": 0.3", "functionVersion: \"3\"");
    }

    @Test
    void editedYamlBecomesTheCandidateAndTheFormFollows() {
        TrafficEditorModel model = open(Fixtures.ORDERS, Fixtures.orders());
        String text = model.candidateYaml().replace("weight: 90", "weight: 65").replace("weight: 10", "weight: 35");

        List<Finding> problems = model.fromYaml(text);

        assertThat(problems).isEmpty();
        assertThat(model.candidateLabel()).isEqualTo("v2 35%");
        assertThat(model.draft().candidate().at("/status/observedGeneration").asInt())
                .as("fields the pane hides are kept").isEqualTo(3);
        assertThat(model.draft().candidate().at("/metadata/resourceVersion").asText()).isEqualTo("42");
        assertThat(model.draft().canUndo()).isTrue();
    }

    @Test
    void yamlSyntaxErrorIsReportedAtItsLineAndLeavesTheCandidate() {
        TrafficEditorModel model = open(Fixtures.ORDERS, Fixtures.orders());
        String text = model.candidateYaml().replace("  hosts:", "  hosts: [unclosed");

        List<Finding> problems = model.fromYaml(text);

        assertThat(problems).hasSize(1);
        Finding problem = problems.get(0);
        assertThat(problem.code()).isEqualTo("MD0001");
        assertThat(problem.position()).hasValueSatisfying(p -> assertThat(p.line()).isGreaterThan(1));
        assertThat(model.draft().dirty()).isFalse();
    }

    @Test
    void moreThanOneDocumentIsNotACandidate() {
        TrafficEditorModel model = open(Fixtures.ORDERS, Fixtures.orders());

        List<Finding> problems = model.fromYaml(model.candidateYaml() + "---\n" + model.candidateYaml());

        assertThat(problems).extracting(Finding::message).containsExactly("the candidate holds 2 documents; edit one object here");
    }

    @Test
    void oneVersionTakingAllTrafficIsNoProblemButExplainsWhyTheSliderRests() {
        TrafficEditorModel model = open(Fixtures.ORDERS, Fixtures.orders());
        String single = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: order-function, namespace: serverless}
                spec:
                  hosts: [order-function]
                  http:
                  - route:
                    - destination: {host: order-function, subset: v1}
                """;

        assertThat(model.fromYaml(single)).isEmpty();

        assertThat(model.problem()).isEmpty();
        assertThat(model.note()).hasValueSatisfying(n -> assertThat(n).startsWith("All traffic goes to v1."));
        assertThat(model.shares()).extracting(TrafficShare::version, TrafficShare::percent).containsExactly(tuple("v1", 100.0));
        assertThat(model.stableVersion()).contains("v1");
        assertThat(model.editable()).isFalse();
        assertThat(model.setCandidatePercent(50)).isFalse();
        model.draft().undo();
        assertThat(model.note()).isEmpty();
        assertThat(model.candidateLabel()).isEqualTo("v2 10%");
    }

    @Test
    void negativeWeightInTheYamlDisablesTheSliderInsteadOfShowingZero() {
        TrafficEditorModel model = open(Fixtures.ORDERS, Fixtures.orders());

        assertThat(model.fromYaml(model.candidateYaml().replace("weight: 90", "weight: -90"))).isEmpty();

        assertThat(model.problem()).hasValueSatisfying(p -> assertThat(p).startsWith("weight -90 is negative"));
        assertThat(model.editable()).isFalse();
        assertThat(model.shares()).isEmpty();
    }
}
