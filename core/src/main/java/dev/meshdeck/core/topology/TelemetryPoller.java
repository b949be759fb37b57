package dev.meshdeck.core.topology;

import dev.meshdeck.core.telemetry.PartialTelemetryException;
import dev.meshdeck.core.telemetry.TelemetryException;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TelemetrySource;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a {@link TelemetrySource} on its own daemon thread, every {@code interval} (15 s unless configured),
 * over a window of the same length. Results and failures are delivered on that thread: a view hops to its own.
 * A {@link PartialTelemetryException} delivers its snapshot, then its failure (the graph stays, marked stale).
 */
public final class TelemetryPoller implements AutoCloseable {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryPoller.class);

    private final TelemetrySource source;
    private final Duration interval;
    private final Consumer<TelemetrySnapshot> onSnapshot;
    private final Consumer<String> onFailure;
    private final ScheduledExecutorService timer;

    /**
     * @param onFailure gets a message for the user naming the source (the last snapshot is then stale)
     */
    public TelemetryPoller(TelemetrySource source, Duration interval, Consumer<TelemetrySnapshot> onSnapshot,
                           Consumer<String> onFailure) {
        this.source = Objects.requireNonNull(source, "source");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The telemetry poll interval must be positive, not " + interval);
        }
        this.interval = interval;
        this.onSnapshot = onSnapshot;
        this.onFailure = onFailure;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "meshdeck-telemetry");
            t.setDaemon(true);
            return t;
        });
    }

    /** Polls now, then every interval. */
    public void start() {
        timer.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One poll now, outside the schedule (e.g. after the user changed a route). */
    public void pollNow() {
        timer.execute(this::poll);
    }

    public Duration interval() {
        return interval;
    }

    private void poll() {
        try {
            onSnapshot.accept(source.fetch(interval));
        } catch (PartialTelemetryException e) {
            // what the sources that answered saw still shows; the failed ones are named as stale
            onSnapshot.accept(e.snapshot());
            onFailure.accept(e.getMessage());
        } catch (TelemetryException e) {
            onFailure.accept(source.name() + ": " + e.getMessage());
        } catch (RejectedExecutionException closed) {
            // the sources were closed under a running poll: the window is going away, nothing to report
        } catch (RuntimeException e) {
            LOG.warn("telemetry poll of {} failed", source.name(), e);
            onFailure.accept(source.name() + ": " + e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
