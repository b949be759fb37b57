package dev.meshdeck.core.telemetry;

import dev.meshdeck.core.inventory.SourceStatus;
import java.time.Clock;
import java.time.InstantSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The state of each telemetry source, from its real signals: every poll that answers or fails, and, while a source
 * has been quiet for {@link #QUIET}, its cheap {@link TelemetrySource#probe()} (a poll comes only every 15 s). A
 * source that answered before and fails is stale, one that never answered failed; the next answer makes it
 * connected again. Listeners hear each change of state on a background thread.
 */
public final class TelemetryHealth implements AutoCloseable {

    static final Duration QUIET = Duration.ofSeconds(4);

    private final InstantSource clock;
    private final Map<TelemetrySource, MetricsStatus> statuses = new ConcurrentHashMap<>();
    private final List<TelemetrySource> watched = new CopyOnWriteArrayList<>();
    private final List<Consumer<MetricsStatus>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "meshdeck-telemetry-probe");
        t.setDaemon(true);
        return t;
    });

    public TelemetryHealth(InstantSource clock) {
        this.clock = clock;
    }

    public TelemetryHealth() {
        this(Clock.systemUTC());
    }

    /** {@code source} with its polls recorded here; pass the result on to whoever polls. */
    public TelemetrySource watch(TelemetrySource source) {
        watched.add(source);
        return new TelemetrySource() {
            @Override
            public String name() {
                return source.name();
            }

            @Override
            public TelemetrySnapshot fetch(Duration window) throws TelemetryException {
                try {
                    TelemetrySnapshot snapshot = source.fetch(window);
                    answered(source);
                    return snapshot;
                } catch (TelemetryException | RuntimeException e) {
                    failed(source, e);
                    throw e;
                }
            }

            @Override
            public boolean probe() throws TelemetryException {
                return source.probe();
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    /** Starts probing quiet sources, every second. */
    public void start() {
        prober.scheduleWithFixedDelay(this::probeQuiet, 1, 1, TimeUnit.SECONDS);
    }

    /** {@code listener} hears every change of a source's state, on a background thread. */
    public void addListener(Consumer<MetricsStatus> listener) {
        listeners.add(listener);
    }

    /** The states known now, one per source that answered or failed at least once. */
    public List<MetricsStatus> statuses() {
        return watched.stream().map(statuses::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Probes each source that answered once and has been quiet for {@link #QUIET}, and one that does not answer. */
    void probeQuiet() {
        Instant now = clock.instant();
        for (TelemetrySource source : watched) {
            MetricsStatus status = statuses.get(source);
            boolean quiet = status != null && (status.lastHeard() == null || !status.state().answering()
                    || Duration.between(status.lastHeard(), now).compareTo(QUIET) >= 0);
            if (!quiet) {
                continue;
            }
            try {
                if (source.probe()) {
                    answered(source);
                }
            } catch (TelemetryException | RuntimeException e) {
                failed(source, e);
            }
        }
    }

    private void answered(TelemetrySource source) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        MetricsStatus before = statuses.get(source);
        boolean same = before != null && before.state() == SourceStatus.State.CONNECTED;
        MetricsStatus current = new MetricsStatus(source.name(), SourceStatus.State.CONNECTED, "answering",
                same ? before.since() : now, now);
        statuses.put(source, current);
        if (!same) {
            listeners.forEach(l -> l.accept(current));
        }
    }

    private void failed(TelemetrySource source, Exception e) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        MetricsStatus before = statuses.get(source);
        Instant heard = before == null ? null : before.lastHeard();
        SourceStatus.State state = heard == null ? SourceStatus.State.FAILED : SourceStatus.State.STALE;
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        boolean same = before != null && before.state() == state;
        MetricsStatus status = new MetricsStatus(source.name(), state, message, same ? before.since() : now, heard);
        statuses.put(source, status);
        if (!same) {
            listeners.forEach(l -> l.accept(status));
        }
    }

    @Override
    public void close() {
        prober.shutdownNow();
    }
}
