package dev.meshdeck.sandbox.traffic;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Smooth, repeatable wandering in [-1, 1]: random values at knots ten seconds apart (from the seed, the stream
 * and the knot's time), eased between, so figures drift like real traffic and the same seed drifts the same.
 */
final class Noise {

    private static final double KNOT_MILLIS = 10_000;

    private final long seed;

    Noise(long seed) {
        this.seed = seed;
    }

    double at(int stream, Instant at) {
        double t = at.toEpochMilli() / KNOT_MILLIS;
        long knot = (long) Math.floor(t);
        double ease = (1 - Math.cos(Math.PI * (t - knot))) / 2;
        double a = knot(stream, knot);
        return a + (knot(stream, knot + 1) - a) * ease;
    }

    private double knot(int stream, long knot) {
        long mixed = seed * 0x9E3779B97F4A7C15L + stream * 0xC2B2AE3D27D4EB4FL + knot;
        return new SplittableRandom(mixed).nextDouble() * 2 - 1;
    }
}
