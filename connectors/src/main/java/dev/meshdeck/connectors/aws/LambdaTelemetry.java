package dev.meshdeck.connectors.aws;

import dev.meshdeck.core.telemetry.EdgeKey;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TelemetryException;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TelemetrySource;
import dev.meshdeck.core.telemetry.TrafficStats;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * CloudWatch telemetry of every region Lambda discovery scans now: one {@link CloudWatchTelemetry} per region of
 * the current settings, so the graph's Lambda figures follow the profile and region picker. The regions' scopes
 * differ, so their snapshots join without overlapping. A region that fails fails the poll, naming it.
 */
public final class LambdaTelemetry implements TelemetrySource {

    private final Supplier<Optional<AwsSettings>> settings;
    private final Map<String, CloudWatchTelemetry> regions = new LinkedHashMap<>();
    /** The regions polled now, for probes: they must not wait behind a poll that hangs on a silent region. */
    private volatile List<CloudWatchTelemetry> probed = List.of();
    private AwsSettings polled;

    /** @param settings the AWS settings in force at each poll; empty while no AWS is configured */
    public LambdaTelemetry(Supplier<Optional<AwsSettings>> settings) {
        this.settings = settings;
    }

    @Override
    public synchronized String name() {
        return regions.isEmpty() ? "cloudwatch (no AWS region)"
                : String.join(", ", regions.values().stream().map(CloudWatchTelemetry::name).toList());
    }

    @Override
    public synchronized TelemetrySnapshot fetch(Duration window) throws TelemetryException {
        follow(settings.get().orElse(null));
        Map<EdgeKey, TrafficStats> edges = new HashMap<>();
        Map<ServiceRef, TrafficStats> nodes = new HashMap<>();
        Instant at = Instant.now();
        for (CloudWatchTelemetry region : regions.values()) {
            TelemetrySnapshot part = region.fetch(window);
            edges.putAll(part.edges());
            nodes.putAll(part.nodes());
            at = part.at();
        }
        return new TelemetrySnapshot(at, edges, nodes);
    }

    /** One CloudWatch client per region of {@code now}; those of earlier settings are closed. */
    private void follow(AwsSettings now) {
        if (java.util.Objects.equals(now, polled)) {
            return;
        }
        close();
        polled = now;
        List<String> wanted = now == null ? List.of() : now.regions();
        wanted.forEach(region -> regions.put(region, new CloudWatchTelemetry(now, region)));
        probed = List.copyOf(regions.values());
    }

    /** Each region's probe; false while no region is polled yet. */
    @Override
    public boolean probe() throws TelemetryException {
        List<CloudWatchTelemetry> now = probed;
        for (CloudWatchTelemetry region : now) {
            region.probe();
        }
        return !now.isEmpty();
    }

    @Override
    public synchronized void close() {
        regions.values().forEach(CloudWatchTelemetry::close);
        regions.clear();
        polled = null;
    }
}
