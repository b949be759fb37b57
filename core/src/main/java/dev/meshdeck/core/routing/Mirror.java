package dev.meshdeck.core.routing;

/**
 * A copy of live traffic sent to a shadow destination; responses from the mirror are discarded.
 *
 * @param percent share of requests mirrored, 0-100 (fractions allowed); null mirrors everything
 */
public record Mirror(Destination destination, Double percent) {

    public Mirror {
        if (percent != null && (percent < 0 || percent > 100)) {
            throw new IllegalArgumentException("mirror percentage " + percent + " is outside 0-100");
        }
    }

    public static Mirror all(Destination destination) {
        return new Mirror(destination, null);
    }

    public static Mirror of(Destination destination, double percent) {
        return new Mirror(destination, percent);
    }
}
