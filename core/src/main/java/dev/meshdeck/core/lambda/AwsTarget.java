package dev.meshdeck.core.lambda;

import java.util.Arrays;
import java.util.List;

/**
 * Where Lambda discovery looks: a profile (null: the SDK default chain) and the regions scanned in parallel.
 */
public record AwsTarget(String profile, List<String> regions) {

    public AwsTarget {
        regions = List.copyOf(regions);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("choose at least one AWS region");
        }
    }

    /**
     * Regions as typed: comma- or space-separated, e.g. {@code eu-west-1, us-east-1}.
     *
     * @throws IllegalArgumentException naming the entry that is not a region name
     */
    public static List<String> parseRegions(String text) {
        List<String> regions = Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).distinct().toList();
        for (String region : regions) {
            if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                throw new IllegalArgumentException("'" + region + "' is not an AWS region name such as eu-west-1");
            }
        }
        return regions;
    }

    public String label() {
        return (profile == null ? "default chain" : profile) + " · " + String.join(", ", regions);
    }
}
