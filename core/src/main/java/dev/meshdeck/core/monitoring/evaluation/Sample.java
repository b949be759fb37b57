package dev.meshdeck.core.monitoring.evaluation;

import java.util.Map;

/**
 * One series' value at one instant: its labels ({@code __name__} among them while it has a metric name) and value.
 */
public record Sample(Map<String, String> labels, double value) {

    public static final String NAME = "__name__";

    public Sample {
        labels = Map.copyOf(labels);
    }
}
