package dev.meshdeck.core.canary;

import java.time.Instant;

/** Time as the run loop sees it: the system's in the app, a virtual one in tests. */
public interface CanaryClock {

    Instant now();

    /** Returns at {@code at} or soon after (at once when it has passed). */
    void sleepUntil(Instant at) throws InterruptedException;

    static CanaryClock system() {
        return new CanaryClock() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void sleepUntil(Instant at) throws InterruptedException {
                long millis = java.time.Duration.between(Instant.now(), at).toMillis();
                if (millis > 0) {
                    Thread.sleep(millis);
                }
            }
        };
    }
}
