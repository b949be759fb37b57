package dev.meshdeck.core.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * How a function is monitored: the ServiceMonitors and PodMonitors that scrape its Services or Pods (selector and
 * namespaceSelector), and the rules of PrometheusRules whose expressions select its series: a selector with
 * {@code destination_service} or {@code destination_workload} matchers that its own values satisfy (and
 * {@code destination_workload_namespace}, when matched, its namespace), or the {@code function} and {@code namespace}
 * labels of `slo set`'s recorded series.
 */
public record FunctionMonitoring(List<Monitor> monitors, List<Rule> rules) {

    /**
     * A monitor scraping the function.
     *
     * @param targets "namespace/name" of the function's Services (or Pods) it scrapes
     */
    public record Monitor(String kind, String namespace, String name, List<String> targets) {

        public Monitor {
            targets = List.copyOf(targets);
        }
    }

    /**
     * A rule selecting the function's series.
     *
     * @param resource  the PrometheusRule's name
     * @param name      the alert's or recorded series' name
     * @param selectors the selectors of its expression that select the function
     */
    public record Rule(String namespace, String resource, String group, String name, boolean alerting, List<SeriesSelector> selectors) {

        public Rule {
            selectors = List.copyOf(selectors);
        }
    }

    public FunctionMonitoring {
        monitors = List.copyOf(monitors);
        rules = List.copyOf(rules);
    }

    /**
     * @param targets   the function's Services and Pods (whole objects)
     * @param monitors  every ServiceMonitor and PodMonitor of its cluster
     * @param ruleFiles every PrometheusRule of its cluster
     */
    public static FunctionMonitoring of(FunctionSeries fn, List<JsonNode> targets, List<JsonNode> monitors, List<JsonNode> ruleFiles) {
        List<Monitor> scraping = new ArrayList<>();
        for (JsonNode monitor : monitors) {
            ScrapeScope scope = ScrapeScope.of(monitor);
            List<String> scraped = targets.stream()
                    .filter(t -> t.path("kind").asText("").equals(scope.targetKind()) && scope.scrapes(t))
                    .map(t -> t.path("metadata").path("namespace").asText("") + "/" + t.path("metadata").path("name").asText(""))
                    .toList();
            if (!scraped.isEmpty()) {
                scraping.add(new Monitor(monitor.path("kind").asText(""), monitor.path("metadata").path("namespace").asText(""),
                        monitor.path("metadata").path("name").asText(""), scraped));
            }
        }
        List<Rule> selecting = new ArrayList<>();
        for (JsonNode file : ruleFiles) {
            for (JsonNode group : file.path("spec").path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    List<SeriesSelector> own = PromQlExpression.parse(rule.path("expr").asText("")).selectors().stream()
                            .filter(s -> selects(s, fn)).toList();
                    if (!own.isEmpty()) {
                        boolean alerting = rule.has("alert");
                        selecting.add(new Rule(file.path("metadata").path("namespace").asText(""), file.path("metadata").path("name").asText(""),
                                group.path("name").asText(""), rule.path(alerting ? "alert" : "record").asText(""), alerting, own));
                    }
                }
            }
        }
        return new FunctionMonitoring(scraping, selecting);
    }

    /** Whether a selector picks some of the function's series out, rather than merely not excluding them. */
    public static boolean selects(SeriesSelector s, FunctionSeries fn) {
        List<LabelMatcher> services = s.on("destination_service");
        List<LabelMatcher> workloads = s.on("destination_workload");
        if (!services.isEmpty() || !workloads.isEmpty()) {
            return satisfied(services, fn.services()) && satisfied(workloads, fn.workloads())
                    && satisfied(s.on("destination_workload_namespace"), List.of(fn.namespace()));
        }
        List<LabelMatcher> function = s.on("function");
        return !function.isEmpty() && satisfied(function, List.of(fn.function())) && satisfied(s.on("namespace"), List.of(fn.namespace()));
    }

    /** Some one value satisfies every matcher (no matcher: any value does). */
    private static boolean satisfied(List<LabelMatcher> matchers, List<String> values) {
        return matchers.isEmpty() || values.stream().anyMatch(v -> matchers.stream().allMatch(m -> m.matches(v)));
    }
}
