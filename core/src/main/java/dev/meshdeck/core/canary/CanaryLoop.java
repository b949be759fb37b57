package dev.meshdeck.core.canary;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Drives one run in the foreground until it ends: judges each interval the moment it is due, takes a person's
 * requests from the store (another terminal, the window) and beats the owner's heart so others can tell it is
 * alive. It sleeps on the injected clock only.
 */
public final class CanaryLoop {

    /** How often requests are looked for and the heartbeat stored: well inside {@link Owner#SILENCE}. */
    public static final Duration POLL = Duration.ofMillis(500);
    /** How long before a decision its writes are checked, so the decision itself only writes (at most half an interval). */
    public static final Duration PREPARE_AHEAD = Duration.ofSeconds(5);

    private final CanaryRunner runner;
    private final CanaryRunStore store;
    private final CanaryClock clock;
    private final long pid;

    public CanaryLoop(CanaryRunner runner, CanaryRunStore store, CanaryClock clock, long pid) {
        this.runner = runner;
        this.store = store;
        this.clock = clock;
        this.pid = pid;
    }

    /** Runs {@code run} until it is no longer active; {@code progress} sees every state it goes through. */
    public CanaryRun drive(CanaryRun run, Consumer<CanaryRun> progress) throws InterruptedException {
        CanaryRun current = run;
        Instant prepared = null;
        while (current.status().active()) {
            Instant prepareAt = prepareAt(current);
            if (prepareAt != null && !clock.now().isBefore(prepareAt) && !current.decisionAt().equals(prepared)) {
                runner.prepare(current);
                prepared = current.decisionAt();
            }
            Instant now = clock.now();
            Optional<Control> asked = store.takeRequest(current.id());
            CanaryRun next = asked.isPresent() ? runner.control(current, asked.get(), now) : runner.decide(current, now);
            if (next != current) {
                progress.accept(next);
            }
            current = next;
            if (!current.status().active()) {
                break;
            }
            current = current.with(d -> d.owner = new Owner(pid, now));
            store.save(current);
            Instant wake = now.plus(POLL);
            for (Instant at : new Instant[] {current.decisionAt(), prepareAt(current)}) {
                if (at != null && at.isAfter(now) && at.isBefore(wake)) {
                    wake = at;
                }
            }
            clock.sleepUntil(wake);
        }
        return current;
    }

    /** When the coming decision's writes are checked: {@link #PREPARE_AHEAD} before it, or half-way for short intervals. */
    private static Instant prepareAt(CanaryRun run) {
        if (run.status() != RunStatus.RUNNING || run.decisionAt() == null || run.intervalFrom() == null) {
            return null;
        }
        Duration half = Duration.between(run.intervalFrom(), run.decisionAt()).dividedBy(2);
        return run.decisionAt().minus(half.compareTo(PREPARE_AHEAD) < 0 ? half : PREPARE_AHEAD);
    }
}
