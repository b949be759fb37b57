package dev.meshdeck.sandbox.traffic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples back from a text exposition: series line (name and labels) to value. */
final class Exposition {

    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)\\{(.*)} (\\S+)$");

    private Exposition() {
    }

    static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches()) {
                samples.put(m.group(1) + "{" + m.group(2) + "}", Double.parseDouble(m.group(3)));
            } else if (!line.startsWith("# ")) {
                throw new AssertionError("not a sample or comment line: " + line);
            }
        }
        return samples;
    }

    /** Sum of the samples of {@code metric} whose labels contain every {@code label="value"} given. */
    static double sum(Map<String, Double> samples, String metric, String... labels) {
        return samples.entrySet().stream()
                .filter(e -> e.getKey().startsWith(metric + "{"))
                .filter(e -> {
                    for (String label : labels) {
                        if (!e.getKey().contains(label)) {
                            return false;
                        }
                    }
                    return true;
                })
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }
}
