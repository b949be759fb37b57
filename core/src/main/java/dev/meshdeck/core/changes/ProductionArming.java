package dev.meshdeck.core.changes;

import dev.meshdeck.core.inventory.SourceRef;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The window's production switch: production targets (names matching the guard's pattern) stay read-only until
 * the person arms them, for {@link #ARMED_FOR}; then they disarm by themselves. A view calls {@link #refresh()}
 * every second so listeners hear of the expiry. Thread-safe.
 */
public final class ProductionArming {

    public static final Duration ARMED_FOR = Duration.ofMinutes(15);

    private final Clock clock;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile ProductionGuard guard;
    private volatile boolean wasArmed;

    /** Disarmed; {@code pattern} as for {@link ProductionGuard#of}. */
    public ProductionArming(String pattern, Clock clock) {
        this.clock = clock;
        this.guard = ProductionGuard.of(pattern, clock);
    }

    /** The guard a pipeline opened now must use: armed until the arming expires, or disarmed. */
    public ProductionGuard guard() {
        return guard;
    }

    /** The name {@link ClusterGateway#target()} gives a source: what the pattern is matched against. */
    public static String target(SourceRef source) {
        return source instanceof SourceRef.KubeContext kube ? "context " + kube.context() : "AWS " + source.label();
    }

    public boolean isProduction(SourceRef source) {
        return guard.isProduction(target(source));
    }

    public boolean armed() {
        return guard.armed();
    }

    /** Why changes to {@code source} may not be applied now; empty when they may. */
    public Optional<String> refusal(SourceRef source) {
        if (!isProduction(source) || armed()) {
            return Optional.empty();
        }
        return Optional.of(source.label() + " is production (matches " + guard.pattern() + "): read-only until you arm it");
    }

    /** Allows writing to production for {@link #ARMED_FOR} from now. */
    public void arm() {
        guard = guard.armedFor(ARMED_FOR);
        wasArmed = true;
        fire();
    }

    public void disarm() {
        guard = guard.disarmed();
        wasArmed = false;
        fire();
    }

    /** Time left until production is read-only again; empty when disarmed. */
    public Optional<Duration> remaining() {
        return guard.armedUntil().map(until -> Duration.between(clock.instant(), until));
    }

    /** "14:59" while armed, "" when not. */
    public String countdown() {
        return remaining().map(left -> {
            long seconds = Math.max(0, (left.toMillis() + 999) / 1000);
            return String.format("%d:%02d", seconds / 60, seconds % 60);
        }).orElse("");
    }

    /** Tells the listeners when the arming expired since the last call. */
    public void refresh() {
        if (wasArmed && !armed()) {
            wasArmed = false;
            fire();
        }
    }

    /** Called after arming, disarming and expiry, on the thread that caused it. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    private void fire() {
        listeners.forEach(Runnable::run);
    }
}
