package dev.meshdeck.core.workloads;

import java.time.Duration;

/** An age as kubectl writes it, the same in the CLI and the window. */
public final class Age {

    private Age() {
    }

    /** The largest unit or two: 45s, 12m, 3h20m, 5d. */
    public static String of(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + "s";
        } else if (s < 3600) {
            return s / 60 + "m";
        } else if (s < 86400) {
            return s / 3600 + "h" + (s % 3600 / 60 == 0 ? "" : s % 3600 / 60 + "m");
        }
        return s / 86400 + "d";
    }
}
