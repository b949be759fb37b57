package dev.meshdeck.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The line the details pane and the editors carry while the function's source does not answer. */
class SourceStatusTest {

    private static final SourceRef EU = new SourceRef.KubeContext("prod-eu", "c", "s");
    private static final Instant HEARD = Instant.parse("2026-12-07T14:03:09Z");

    private static SourceStatus status(SourceStatus.State state, Instant lastHeard) {
        return new SourceStatus(EU, state, "cannot reach https://10.0.0.1:6443 (connection refused)", HEARD.plusSeconds(3), lastHeard);
    }

    @Test
    void aStaleSourceSaysSinceWhenAsOfWhenAndThatNothingCanBeApplied() {
        assertThat(status(SourceStatus.State.STALE, HEARD).notAnswering(ZoneOffset.UTC)).contains("prod-eu is not answering"
                + " since 14:03:12 — data as of 14:03:09; changes cannot be applied (cannot reach https://10.0.0.1:6443"
                + " (connection refused))");
    }

    @Test
    void aFailedSourceNeverHeardFromHasNoDataAge() {
        assertThat(status(SourceStatus.State.FAILED, null).notAnswering(ZoneOffset.UTC))
                .hasValueSatisfying(line -> assertThat(line).startsWith("prod-eu is not answering since 14:03:12; changes"));
    }

    @Test
    void saysNothingWhileTheSourceAnswersOrIsConnecting() {
        assertThat(status(SourceStatus.State.CONNECTED, HEARD).notAnswering(ZoneOffset.UTC)).isEmpty();
        assertThat(status(SourceStatus.State.DEGRADED, HEARD).notAnswering(ZoneOffset.UTC)).isEmpty();
        assertThat(status(SourceStatus.State.CONNECTING, null).notAnswering(ZoneOffset.UTC)).isEmpty();
    }
}
