package dev.meshdeck.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshdeck.core.inventory.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A telemetry source's state from its polls and, between them, its probe. */
class TelemetryHealthTest {

    private static final Instant START = Instant.parse("2026-12-07T14:03:00Z");

    /** A Prometheus that answers or not, counting the probes it was asked. */
    private static final class Prometheus implements TelemetrySource {
        boolean answering = true;
        int probes;

        @Override
        public String name() {
            return "prometheus http://127.0.0.1:9090";
        }

        @Override
        public TelemetrySnapshot fetch(Duration window) throws TelemetryException {
            if (!answering) {
                throw new TelemetryException("cannot reach http://127.0.0.1:9090 (connection refused)");
            }
            return new TelemetrySnapshot(START, Map.of(), Map.of());
        }

        @Override
        public boolean probe() throws TelemetryException {
            probes++;
            fetch(Duration.ZERO);
            return true;
        }
    }

    /** The time now, as the test moves it. */
    private Instant now = START;
    private final TelemetryHealth health = new TelemetryHealth(() -> now);
    private final Prometheus prometheus = new Prometheus();
    private final TelemetrySource polled = health.watch(prometheus);
    private final List<MetricsStatus> heard = new ArrayList<>();

    {
        health.addListener(heard::add);
    }

    @Test
    void aQuietSourceIsProbedAndIsStaleWithTheAgeOfItsFiguresWhenItDoesNotAnswer() throws Exception {
        polled.fetch(Duration.ofSeconds(15));
        assertThat(heard).extracting(MetricsStatus::state).containsExactly(SourceStatus.State.CONNECTED);

        now = START.plusSeconds(2);
        health.probeQuiet();
        assertThat(prometheus.probes).as("heard from 2 s ago: not quiet yet").isZero();

        prometheus.answering = false;
        now = START.plusSeconds(5);
        health.probeQuiet();
        assertThat(prometheus.probes).isEqualTo(1);
        MetricsStatus stale = heard.get(heard.size() - 1);
        assertThat(stale.state()).isEqualTo(SourceStatus.State.STALE);
        assertThat(stale.line(ZoneOffset.UTC)).isEqualTo("metrics prometheus http://127.0.0.1:9090 · stale since 14:03:05"
                + " (cannot reach http://127.0.0.1:9090 (connection refused)), figures as of 14:03:00");

        now = START.plusSeconds(6);
        health.probeQuiet();
        assertThat(heard).as("still stale: said once").hasSize(2);

        prometheus.answering = true;
        now = START.plusSeconds(7);
        health.probeQuiet();
        assertThat(heard.get(heard.size() - 1).state()).isEqualTo(SourceStatus.State.CONNECTED);
        assertThat(health.statuses()).extracting(MetricsStatus::lastHeard).containsExactly(START.plusSeconds(7));
    }

    @Test
    void aSourceThatNeverAnsweredHasFailed() {
        prometheus.answering = false;
        assertThatThrownBy(() -> polled.fetch(Duration.ofSeconds(15))).isInstanceOf(TelemetryException.class);

        assertThat(health.statuses()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(SourceStatus.State.FAILED);
            assertThat(s.lastHeard()).isNull();
        });
    }
}
