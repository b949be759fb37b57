package dev.meshdeck.core.topology;

/** A small mark on a node that tells the SRE what governs it, with the letter drawn on the graph. */
public enum Badge {
    CANARY("C", "canary in progress"),
    CIRCUIT_BREAKER("B", "circuit breaker"),
    MTLS("M", "mTLS"),
    AUTHZ("A", "authorization policy"),
    FAULT("F", "fault injection"),
    UNHEALTHY("!", "unhealthy"),
    /** An alert on the function is firing (its Prometheus' rules, Alertmanager, CloudWatch alarms). */
    ALERT("\u26a0", "alert firing"),
    /** An alert on the function waits out its {@code for}: firing soon unless it recovers. */
    ALERT_PENDING("\u26a0", "alert pending");

    private final String letter;
    private final String description;

    Badge(String letter, String description) {
        this.letter = letter;
        this.description = description;
    }

    public String letter() {
        return letter;
    }

    public String description() {
        return description;
    }
}
