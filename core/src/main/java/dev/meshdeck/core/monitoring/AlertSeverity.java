package dev.meshdeck.core.monitoring;

import java.util.Locale;

/** The {@code severity} label values Alertmanager routes usually know. */
public enum AlertSeverity {
    CRITICAL, WARNING, INFO;

    /** The label value: "critical", "warning", "info". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertSeverity of(String label) {
        for (AlertSeverity s : values()) {
            if (s.label().equalsIgnoreCase(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + label + "' (use critical, warning or info)");
    }
}
