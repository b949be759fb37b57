package dev.meshdeck.core.monitoring;

import dev.meshdeck.core.telemetry.TelemetryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads every {@link AlertSource} on its own daemon thread, now and then every {@code interval} (the window uses the
 * telemetry's), and delivers the alerts per function on that thread: a view hops to its own. A source that fails is
 * named in {@code onFailure}; the others' alerts are still delivered, so one silent Prometheus hides only its own.
 */
public final class AlertPoller implements AutoCloseable {

    private final List<AlertSource> sources;
    private final Consumer<Map<String, FunctionAlerts>> onAlerts;
    private final Consumer<String> onFailure;
    private final Duration interval;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "meshdeck-alerts");
        t.setDaemon(true);
        return t;
    });

    public AlertPoller(List<AlertSource> sources, Duration interval, Consumer<Map<String, FunctionAlerts>> onAlerts,
                       Consumer<String> onFailure) {
        this.sources = List.copyOf(sources);
        this.interval = interval;
        this.onAlerts = onAlerts;
        this.onFailure = onFailure;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One reading of every source, delivered through the callbacks; what {@link #start()} repeats. */
    void poll() {
        List<ActiveAlert> alerts = new ArrayList<>();
        for (AlertSource source : sources) {
            try {
                alerts.addAll(source.read());
            } catch (TelemetryException | RuntimeException e) {
                onFailure.accept(source.name() + ": " + e.getMessage());
            }
        }
        onAlerts.accept(FunctionAlerts.byFunction(alerts));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
