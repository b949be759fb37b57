package dev.meshdeck.core.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.telemetry.PartialTelemetryException;
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

    @Test
    void aPartialAnswerDeliversWhatWasSeenThenNamesTheFailedSource() throws Exception {
        TelemetrySnapshot seen = TelemetrySnapshot.empty(Instant.EPOCH);
        TelemetrySource partial = new TelemetrySource() {
            @Override
            public String name() {
                return "two clusters";
            }

            @Override
            public TelemetrySnapshot fetch(Duration window) throws TelemetryException {
                throw new PartialTelemetryException("prometheus west: connection refused", seen);
            }
        };
        BlockingQueue<Object> received = new ArrayBlockingQueue<>(10);
        try (TelemetryPoller poller = new TelemetryPoller(partial, Duration.ofSeconds(30), received::add, received::add)) {
            poller.pollNow();
            assertThat(received.poll(10, TimeUnit.SECONDS)).isSameAs(seen);
            assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("prometheus west: connection refused");
        }
    }
}
