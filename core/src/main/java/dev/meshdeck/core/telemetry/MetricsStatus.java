package dev.meshdeck.core.telemetry;

import dev.meshdeck.core.inventory.SourceStatus;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Connection state of one telemetry source (a Prometheus, CloudWatch in a region), in the states of the function
 * sources: connected, stale (no answer; the figures shown are as of {@code lastHeard}), failed (never answered).
 *
 * @param source the source's {@link TelemetrySource#name()}, e.g. "prometheus http://127.0.0.1:9090"
 * @param since  when it entered {@code state}
 */
public record MetricsStatus(String source, SourceStatus.State state, String message, Instant since, Instant lastHeard) {

    /** "metrics prometheus http://…: stale since 14:03:12 (reason), figures as of 14:02:58"; "… · connected" when well. */
    public String line(ZoneId zone) {
        if (state.answering()) {
            return "metrics " + source + " · " + state.name().toLowerCase(java.util.Locale.ROOT);
        }
        return "metrics " + source + " · " + state.name().toLowerCase(java.util.Locale.ROOT) + " since "
                + SourceStatus.clock(since, zone) + " (" + message + ")"
                + SourceStatus.asOf(lastHeard, zone).map(a -> ", figures " + a).orElse("");
    }
}
