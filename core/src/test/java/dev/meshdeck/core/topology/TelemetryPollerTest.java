package dev.meshdeck.core.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.telemetry.TelemetryException;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TelemetrySource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TelemetryPollerTest {

    /** Answers once, then fails as an unreachable Prometheus would. */
    private static final class FlakySource implements TelemetrySource {
        private int calls;

        @Override
        public String name() {
            return "prometheus http://127.0.0.1:9";
        }

        @Override
        public TelemetrySnapshot fetch(Duration window) throws TelemetryException {
            if (calls++ == 0) {
                return TelemetrySnapshot.empty(Instant.EPOCH.plus(window));
            }
            throw new TelemetryException("connection refused");
        }
    }

    @Test
    void deliversSnapshotsOverTheIntervalAndNamesTheSourceWhenItFails() throws Exception {
        BlockingQueue<Object> received = new ArrayBlockingQueue<>(10);
        try (TelemetryPoller poller = new TelemetryPoller(new FlakySource(), Duration.ofSeconds(30), received::add, received::add)) {
            poller.start();
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo(TelemetrySnapshot.empty(Instant.EPOCH.plusSeconds(30)));
            poller.pollNow();
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("prometheus http://127.0.0.1:9: connection refused");
        }
    }
}
