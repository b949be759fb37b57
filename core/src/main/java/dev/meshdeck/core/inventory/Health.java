package dev.meshdeck.core.inventory;

/**
 * Health as the platform reports it.
 *
 * @param ready     ready replicas (Kubernetes) or 1/0 for an active Lambda
 * @param desired   desired replicas; 0 for scale-to-zero
 * @param endpoints ready endpoint addresses behind the function's Service (0 where not applicable)
 * @param state     the platform's own word: "Ready", "Active", "Pending", "Failed", ...
 */
public record Health(int ready, int desired, int endpoints, String state) {

    public enum Level { HEALTHY, DEGRADED, DOWN, UNKNOWN }

    public static final Health UNKNOWN = new Health(0, 0, 0, "Unknown");

    public Level level() {
        String s = state == null ? "" : state;
        if (s.equalsIgnoreCase("Failed") || s.equalsIgnoreCase("Inactive")) {
            return Level.DOWN;
        }
        if (s.equalsIgnoreCase("Unknown")) {
            return Level.UNKNOWN;
        }
        if (desired > 0 && ready == 0) {
            return Level.DOWN;
        }
        if (ready < desired || s.equalsIgnoreCase("Pending")) {
            return Level.DEGRADED;
        }
        return Level.HEALTHY;
    }

    /** "2/3" style replica text, as kubectl shows it. */
    public String replicas() {
        return ready + "/" + desired;
    }
}
