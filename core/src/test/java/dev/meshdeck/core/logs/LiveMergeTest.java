package dev.meshdeck.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LiveMergeTest {

    private static final Instant T0 = Instant.parse("2026-12-08T03:00:00Z");

    private static LogLine line(String pod, int second) {
        return new LogLine(T0.plusSeconds(second), pod, "v1", "function", pod + "@" + second);
    }

    @Test
    void aSlowerPodsEarlierLineLandsBeforeAFasterPodsLaterOne() {
        LiveMerge merge = new LiveMerge(Duration.ofSeconds(2), 100);
        merge.offer(line("a", 5));
        merge.offer(line("b", 3));

        assertThat(merge.ready(T0.plusSeconds(4))).isEmpty();
        assertThat(merge.ready(T0.plusSeconds(7))).extracting(LogLine::text).containsExactly("b@3", "a@5");
    }

    @Test
    void linesStillWithinTheHoldbackWait() {
        LiveMerge merge = new LiveMerge(Duration.ofSeconds(2), 100);
        merge.offer(line("a", 1));
        merge.offer(line("a", 9));

        assertThat(merge.ready(T0.plusSeconds(4))).extracting(LogLine::text).containsExactly("a@1");
        assertThat(merge.ready(T0.plusSeconds(11))).extracting(LogLine::text).containsExactly("a@9");
    }

    @Test
    void beyondCapacityTheOldestAreDroppedAndCounted() {
        LiveMerge merge = new LiveMerge(Duration.ZERO, 2);
        merge.offer(line("a", 1));
        merge.offer(line("a", 2));
        merge.offer(line("a", 3));

        assertThat(merge.ready(T0.plusSeconds(10))).extracting(LogLine::text).containsExactly("a@2", "a@3");
        assertThat(merge.takeDropped()).isEqualTo(1);
        assertThat(merge.takeDropped()).isZero();
    }
}
