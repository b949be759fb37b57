package dev.meshdeck.views.topology;

import dev.meshdeck.core.telemetry.TrafficStats;
import dev.meshdeck.core.topology.EdgeKind;
import dev.meshdeck.core.topology.TopologyEdge;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** What the edges of the graph say, chosen on the toolbar: one figure each, short enough to place clear of the rest. */
public enum EdgeLabelMode {
    REQUESTS("Requests/s"), ERRORS("Error %"), P95("p95"), TRAFFIC("Traffic %"), NONE("No labels");

    private final String label;

    EdgeLabelMode(String label) {
        this.label = label;
    }

    /** What the toolbar reads. */
    public String label() {
        return label;
    }

    /**
     * The edge's figure in this mode: "37.8 rps", "2.0% err", "p95 80 ms", "90%" (a route's weight, or else the share
     * of its source's observed requests); empty when the edge has none (no traffic seen on it).
     *
     * @param sentFrom requests per second a node sends over all its edges
     */
    String text(TopologyEdge e, ToDoubleFunction<String> sentFrom) {
        TrafficStats t = e.observed();
        boolean traffic = t != null && t.requestsPerSecond() > 0;
        return switch (this) {
            case REQUESTS -> traffic ? String.format(Locale.ROOT, "%.1f rps", t.requestsPerSecond()) : "";
            case ERRORS -> traffic ? String.format(Locale.ROOT, "%.1f%% err", 100 * t.errorRatio()) : "";
            case P95 -> traffic && t.hasLatency() ? String.format(Locale.ROOT, "p95 %.0f ms", t.p95Millis()) : "";
            case TRAFFIC -> share(e, sentFrom);
            case NONE -> "";
        };
    }

    private static String share(TopologyEdge e, ToDoubleFunction<String> sentFrom) {
        if (e.kind() == EdgeKind.CONDITIONAL_ROUTE) {
            return e.condition();
        }
        if (e.configured() && !Double.isNaN(e.weight())) {
            return percent(e.weight());
        }
        TrafficStats t = e.observed();
        if (t == null || t.requestsPerSecond() <= 0) {
            return "";
        }
        return percent(Math.round(1000 * t.requestsPerSecond() / sentFrom.applyAsDouble(e.from())) / 10.0);
    }

    static String percent(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f%%", value) : String.format(Locale.ROOT, "%.1f%%", value);
    }
}
