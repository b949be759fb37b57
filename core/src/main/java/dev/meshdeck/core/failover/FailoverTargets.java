package dev.meshdeck.core.failover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.inventory.TrafficShare;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The failover targets a function offers: its configured backup (annotation {@value #ANNOTATION} on any of
 * its objects, or that tag on a Lambda function, written as a target: {@code payment-function-backup},
 * {@code host:...}, {@code subset:v2}, {@code url:https://...}), then its other versions, then the subsets its
 * DestinationRules define. Versions with less traffic come first; one that already has all of it is no target.
 */
public final class FailoverTargets {

    public static final String ANNOTATION = "meshdeck.dev/failover-target";

    /** @param why where the target comes from, for the person choosing: "configured backup (... on Deployment x)" */
    public record Option(FailoverTarget target, String why, boolean configured) {
    }

    private FailoverTargets() {
    }

    public static List<Option> of(LiveFunction fn) {
        List<Option> options = new ArrayList<>();
        Set<FailoverTarget> seen = new LinkedHashSet<>();
        configuredOption(fn).ifPresent(o -> add(options, seen, o));
        // the version with the least traffic first: failing over usually means away from the busiest one
        List<TrafficShare> shares = fn.function().traffic().stream()
                .sorted(java.util.Comparator.comparingDouble(TrafficShare::percent)).toList();
        for (TrafficShare share : shares) {
            if (share.percent() < 100.0) {
                add(options, seen, new Option(new FailoverTarget.Version(share.version()),
                        "version " + share.version() + " (" + Math.round(share.percent()) + "% of traffic now)", false));
            }
        }
        for (ObjectNode d : fn.deployments()) {
            String version = d.at("/metadata/labels/version").asText("");
            boolean carriesAll = fn.function().traffic().stream()
                    .anyMatch(s -> s.version().equals(version) && s.percent() >= 100.0);
            if (!version.isEmpty() && !carriesAll) {
                add(options, seen, new Option(new FailoverTarget.Version(version),
                        "version " + version + " (Deployment " + d.at("/metadata/name").asText() + ")", false));
            }
        }
        for (ObjectNode rule : fn.destinationRules()) {
            for (JsonNode subset : rule.at("/spec/subsets")) {
                String name = subset.path("name").asText("");
                boolean carriesAll = fn.function().traffic().stream()
                        .anyMatch(s -> s.version().equals(name) && s.percent() >= 100.0);
                if (!name.isEmpty() && !carriesAll) {
                    add(options, seen, new Option(new FailoverTarget.Version(name),
                            "subset " + name + " of " + LiveFunction.describe(rule), false));
                }
            }
        }
        return options;
    }

    /** The configured backup, if the function has one. */
    public static Optional<FailoverTarget> configured(LiveFunction fn) {
        return configuredOption(fn).map(Option::target);
    }

    /**
     * The configured backup, for a bulk failover "to each function's backup".
     *
     * @throws IllegalArgumentException when the function has none (it is skipped, saying so)
     */
    public static FailoverTarget backupOf(LiveFunction fn) {
        return configured(fn).orElseThrow(() -> new IllegalArgumentException("no configured failover target (annotate"
                + " one of its objects with " + ANNOTATION + ")"));
    }

    private static Optional<Option> configuredOption(LiveFunction fn) {
        return fn.annotation(ANNOTATION).map(a -> {
            try {
                return new Option(FailoverTarget.parse(a.value()), "configured backup (" + ANNOTATION + " on " + a.on() + ")", true);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ANNOTATION + " on " + a.on() + ": " + e.getMessage(), e);
            }
        });
    }

    private static void add(List<Option> options, Set<FailoverTarget> seen, Option option) {
        if (seen.add(option.target())) {
            options.add(option);
        }
    }
}
