package dev.meshdeck.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WeightSplitTest {

    private static final Destination V1 = Destination.subset("order-function", "v1");
    private static final Destination V2 = Destination.subset("order-function", "v2");
    private static final Destination V3 = Destination.subset("order-function", "v3");

    @Test
    void canaryFrom10To50KeepsTotal100() {
        CanarySplit canary = new CanarySplit(V1, V2, 10).withCandidateWeight(50);

        assertThat(canary.stableWeight()).isEqualTo(50);
        assertThat(canary.toWeightSplit().destinations())
                .containsExactly(new WeightedDestination(V1, 50), new WeightedDestination(V2, 50));
    }

    @Test
    void canaryShiftsByStepsClampedAndPromotesOrRollsBack() {
        CanarySplit canary = CanarySplit.start(V1, V2).shiftBy(25).shiftBy(25);
        assertThat(canary.candidateWeight()).isEqualTo(50);
        assertThat(canary.shiftBy(80).candidateWeight()).isEqualTo(100);
        assertThat(canary.shiftBy(-80).candidateWeight()).isZero();
        assertThat(canary.nextStep(List.of(5, 25, 50, 75)).candidateWeight()).isEqualTo(75);
        assertThat(canary.withCandidateWeight(75).nextStep(List.of(5, 25, 50, 75)).promoted()).isTrue();

        CanarySplit promoted = canary.promote();
        assertThat(promoted.toWeightSplit().weightOf(0)).isZero();
        assertThat(promoted.toWeightSplit().weightOf(1)).isEqualTo(100);
        assertThat(promoted.rollback().stableWeight()).isEqualTo(100);
        assertThat(CanarySplit.from(canary.toWeightSplit())).isEqualTo(canary);
    }

    @Test
    void movingOneWeightRebalancesTheOthersInProportion() {
        WeightSplit split = new WeightSplit(List.of(new WeightedDestination(V1, 70),
                new WeightedDestination(V2, 20), new WeightedDestination(V3, 10)));

        assertThat(split.withWeight("v1", 40).percentages()).isEqualTo(Percentages.of(40, 40, 20));
        assertThat(split.withWeight("v3", 55).percentages()).isEqualTo(Percentages.of(35, 10, 55));
        // others at 0 share the rest evenly; the leftover point goes to the earlier target
        assertThat(Percentages.of(100, 0, 0).set(0, 33).values()).containsExactly(33, 34, 33);
    }

    @Test
    void everyRebalanceTotals100() {
        Random random = new Random(42);
        Percentages p = Percentages.evenly(5);
        for (int i = 0; i < 1_000; i++) {
            int index = random.nextInt(5);
            int value = random.nextInt(101);
            p = p.set(index, value);
            assertThat(p.get(index)).isEqualTo(value);
            assertThat(p.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        }
    }

    @Test
    void addingAndRemovingDestinationsKeepsTotal100() {
        WeightSplit split = new CanarySplit(V1, V2, 20).toWeightSplit().adding(V3, 10);

        assertThat(split.percentages()).isEqualTo(Percentages.of(72, 18, 10));
        assertThat(split.removing(0).percentages()).isEqualTo(Percentages.of(64, 36));
    }

    @Test
    void liveWeightsAreReadAsIstioNormalisesThem() {
        assertThat(WeightSplit.normalised(List.of(V1, V2), List.of(30, 30)).percentages()).isEqualTo(Percentages.of(50, 50));
        assertThat(WeightSplit.normalised(List.of(V1), java.util.Arrays.asList((Integer) null)).weightOf(0)).isEqualTo(100);
    }

    @Test
    void invalidSplitsAreRejectedWithTheOffendingValues() {
        assertThatThrownBy(() -> new WeightSplit(List.of(new WeightedDestination(V1, 60), new WeightedDestination(V2, 60))))
                .hasMessageContaining("total 120, not 100");
        assertThatThrownBy(() -> WeightSplit.single(V1).withWeight(0, 50)).hasMessageContaining("single target");
        assertThatThrownBy(() -> WeightSplit.single(V1).withWeight("v9", 50)).hasMessageContaining("v9");
    }
}
