package dev.meshdeck.core.monitoring;

import java.util.List;
import java.util.Optional;

/** One series selector of a PromQL expression: its metric name when written, and its label matchers. */
public record SeriesSelector(Optional<String> metric, List<LabelMatcher> matchers) {

    public SeriesSelector {
        matchers = List.copyOf(matchers);
    }

    /** The matchers on {@code label}. */
    public List<LabelMatcher> on(String label) {
        return matchers.stream().filter(m -> m.label().equals(label)).toList();
    }

    /** The selector as written back: {@code metric{label="value",...}} (values quoted as Prometheus quotes them). */
    public String text() {
        StringBuilder s = new StringBuilder(metric.orElse("")).append('{');
        for (int i = 0; i < matchers.size(); i++) {
            LabelMatcher m = matchers.get(i);
            s.append(i == 0 ? "" : ",").append(m.label()).append(m.op().symbol()).append('"')
                    .append(m.value().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return s.append('}').toString();
    }
}
