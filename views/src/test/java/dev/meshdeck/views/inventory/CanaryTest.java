package dev.meshdeck.views.inventory;

import dev.meshdeck.core.inventory.TrafficShare;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.meshdeck.views.inventory.AttentionTest.function;
import static dev.meshdeck.views.inventory.AttentionTest.ready;
import static org.assertj.core.api.Assertions.assertThat;

class CanaryTest {

    @Test
    void candidateIsTheRoutedVersionWithTheSmallestShare() {
        Canary canary = Canary.of(function("image-resize", ready(), List.of(
                new TrafficShare("image-resize-00001", 90), new TrafficShare("image-resize-00002", 10, "canary")))).orElseThrow();

        assertThat(canary.candidate().version()).isEqualTo("image-resize-00002");
        assertThat(canary.percent()).isEqualTo(10);
        assertThat(canary.progress()).isEqualTo(0.1);
        assertThat(FunctionText.canary(canary)).isEqualTo("Canary image-resize-00002 [canary] gets 10% of the traffic");
    }

    @Test
    void evenSplitTakesTheLaterVersionAndUnroutedVersionsAreNotCandidates() {
        assertThat(Canary.of(function("f", ready(), List.of(new TrafficShare("v1", 50), new TrafficShare("v2", 50),
                new TrafficShare("v3", 0)))).map(c -> c.candidate().version())).contains("v2");
    }

    @Test
    void oneVersionOrNoRoutingIsNoCanary() {
        assertThat(Canary.of(function("f", ready(), List.of(new TrafficShare("v1", 100), new TrafficShare("v2", 0))))).isEmpty();
        assertThat(Canary.of(function("f", ready(), List.of(new TrafficShare("v1", 0), new TrafficShare("v2", 0))))).isEmpty();
    }

    @Test
    void sortingByProgressPutsFunctionsWithoutCanaryFirst() {
        Optional<Canary> none = Optional.empty();
        Optional<Canary> early = Optional.of(new Canary(new TrafficShare("v2", 5)));
        Optional<Canary> late = Optional.of(new Canary(new TrafficShare("v2", 40)));
        List<Optional<Canary>> sorted = new ArrayList<>(List.of(late, none, early));

        sorted.sort(Canary.BY_PROGRESS);

        assertThat(sorted).containsExactly(none, early, late);
    }
}
