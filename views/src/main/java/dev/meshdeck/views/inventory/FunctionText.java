package dev.meshdeck.views.inventory;

import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.InheritedPolicy;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.PolicyKind;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.monitoring.ActiveAlert;
import dev.meshdeck.core.monitoring.AlertValue;
import dev.meshdeck.core.monitoring.FunctionAlerts;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** How a function's traffic, mesh status and health read in one table cell. */
public final class FunctionText {

    /** Shown where a function has nothing to say in a column. */
    public static final String NONE = "—";

    private static final String SEPARATOR = " · ";

    private FunctionText() {
    }

    /** The platform's name where space is short: "Lambda" rather than "AWS Lambda". */
    public static String shortName(Platform platform) {
        return platform == Platform.LAMBDA ? "Lambda" : platform.displayName();
    }

    /**
     * "v1 90% · v2 10%". Several versions that all get 0% have no known routing: the text says so
     * rather than inventing a split.
     */
    public static String traffic(List<TrafficShare> shares) {
        return traffic("", shares);
    }

    /**
     * As {@link #traffic(List)}, for a table cell: a Knative revision named after its function
     * ("image-resize-00002") is shortened to what tells it apart ("00002").
     */
    public static String traffic(ServerlessFunction function) {
        return traffic(function.name() + "-", function.traffic());
    }

    private static String traffic(String redundantPrefix, List<TrafficShare> shares) {
        if (shares.isEmpty()) {
            return NONE;
        }
        if (shares.size() > 1 && shares.stream().allMatch(s -> s.percent() == 0)) {
            return shares.stream().map(s -> shortVersion(redundantPrefix, s)).collect(Collectors.joining(SEPARATOR))
                    + " (no routing)";
        }
        return shares.stream()
                .map(s -> shortVersion(redundantPrefix, s) + " " + percent(s.percent()))
                .collect(Collectors.joining(SEPARATOR));
    }

    /** The version as the table shows it: "00002" for the revision "image-resize-00002" of image-resize. */
    public static String shortVersion(ServerlessFunction function, TrafficShare share) {
        return shortVersion(function.name() + "-", share);
    }

    private static String shortVersion(String redundantPrefix, TrafficShare share) {
        String version = share.version();
        return !redundantPrefix.isEmpty() && version.startsWith(redundantPrefix) && version.length() > redundantPrefix.length()
                ? version.substring(redundantPrefix.length())
                : version;
    }

    /** "90%", or "12.5%" when the share is not whole. */
    public static String percent(double percent) {
        return percent == Math.rint(percent)
                ? String.format(Locale.ROOT, "%d%%", (long) percent)
                : String.format(Locale.ROOT, "%.1f%%", percent);
    }

    /**
     * "◆ VS DR AP": a filled diamond when the sidecar is injected (hollow when not), then the kinds of
     * policy that apply, with a count where there is more than one ("AP2").
     */
    public static String mesh(MeshStatus mesh) {
        if (!mesh.sidecarInjected() && !mesh.hasPolicies()) {
            return NONE;
        }
        StringBuilder text = new StringBuilder(mesh.sidecarInjected() ? "◆" : "◇");
        for (PolicyKind kind : PolicyKind.values()) {
            int count = kind.of(mesh).size();
            if (count > 0) {
                text.append(' ').append(kind.abbreviation());
                if (count > 1) {
                    text.append(count);
                }
            }
        }
        return text.toString();
    }

    /** One line per policy kind, with the names (inherited ones marked), for a tooltip or the details pane. */
    public static List<String> meshLines(MeshStatus mesh) {
        List<String> lines = new ArrayList<>();
        lines.add(mesh.sidecarInjected() ? "Sidecar injected" : "No sidecar");
        for (PolicyKind kind : PolicyKind.values()) {
            List<String> names = mesh.allOf(kind).stream()
                    .map(ref -> ref + mesh.inheritance(kind, ref).map(p -> " (" + inheritance(p) + ")").orElse(""))
                    .toList();
            if (!names.isEmpty()) {
                lines.add(kind.kind() + ": " + String.join(", ", names));
            }
        }
        return lines;
    }

    /** "namespace-wide", "mesh-wide, overridden by serverless/order-function". */
    public static String inheritance(InheritedPolicy policy) {
        return policy.scope().text() + policy.overriddenBy().map(by -> ", overridden by " + by).orElse("");
    }

    /** Where a function runs, in a row's second line: "serverless · meshdeck-sandbox", "eu-west-1" for Lambda. */
    public static String shortPlace(ServerlessFunction function) {
        String source = shortSource(function.source());
        return function.namespace().isEmpty() ? source : function.namespace() + SEPARATOR + source;
    }

    /** Where a function runs in full, for the tooltip of its row. */
    public static String place(ServerlessFunction function) {
        String source = function.source() instanceof SourceRef.AwsRegion aws
                ? "AWS account " + aws.account() + ", region " + aws.region()
                : "context " + function.source().label();
        return function.name() + "\n" + (function.namespace().isEmpty() ? "" : "namespace " + function.namespace() + "\n")
                + source;
    }

    /**
     * A source's name where space is short: an AWS region without its account, a managed cluster's context
     * without its provider prefix ("gke_project_zone_prod" and "arn:aws:eks:…:cluster/prod" are "prod").
     */
    public static String shortSource(SourceRef source) {
        if (source instanceof SourceRef.AwsRegion aws) {
            return aws.region();
        }
        String context = source.label();
        if (context.startsWith("gke_")) {
            return context.substring(context.lastIndexOf('_') + 1);
        }
        if (context.startsWith("arn:") && context.contains(":cluster/")) {
            return context.substring(context.lastIndexOf('/') + 1);
        }
        return context;
    }

    /** The canary column's tooltip: which version gets how much. */
    public static String canary(Canary canary) {
        TrafficShare candidate = canary.candidate();
        return "Canary " + candidate.version() + (candidate.tag().isEmpty() ? "" : " [" + candidate.tag() + "]")
                + " gets " + percent(candidate.percent()) + " of the traffic";
    }

    /** "12.3" under 10 requests per second, "120" above. */
    public static String requestsPerSecond(double rate) {
        return rate < 10
                ? String.format(Locale.ROOT, "%.1f", rate)
                : String.format(Locale.ROOT, "%d", Math.round(rate));
    }

    /** An error ratio as a percentage to one decimal: "12%", "0.4%". */
    public static String errorPercent(double ratio) {
        return percent(Math.round(ratio * 1000) / 10.0);
    }

    /** "2 firing", "1 pending", "1 firing, 1 pending", or {@link #NONE}. */
    public static String alerts(FunctionAlerts alerts) {
        List<String> parts = new ArrayList<>();
        if (alerts.firing() > 0) {
            parts.add(alerts.firing() + " firing");
        }
        if (alerts.pending() > 0) {
            parts.add(alerts.pending() + " pending");
        }
        return parts.isEmpty() ? NONE : String.join(", ", parts);
    }

    /**
     * One line per alert, most urgent first: "firing · critical · FunctionLatencySloBreached · since 03:00:05 UTC ·
     * value 1900 · p95 latency of serverless/pdf-render is 1.9kms, above its SLO of 1s".
     */
    public static List<String> alertLines(FunctionAlerts alerts) {
        List<String> lines = new ArrayList<>();
        for (ActiveAlert a : alerts.alerts()) {
            StringBuilder line = new StringBuilder(a.state().name().toLowerCase(Locale.ROOT));
            if (!a.severity().isEmpty()) {
                line.append(" · ").append(a.severity());
            }
            line.append(" · ").append(a.name()).append(" · since ").append(SINCE.format(a.since()))
                    .append(" · value ").append(AlertValue.text(a.value()));
            a.summary().ifPresent(s -> line.append(" · ").append(s));
            lines.add(line.toString());
        }
        return lines;
    }

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** "\nNeeds attention: degraded, canary under way", or nothing, appended to a health tooltip. */
    public static String attention(Set<Attention.Reason> reasons) {
        return reasons.isEmpty() ? ""
                : "\nNeeds attention: " + reasons.stream().map(Attention.Reason::text).collect(Collectors.joining(", "));
    }

    /** "2/2 · 2 ep · Ready"; a Lambda has no endpoints to count: "1/1 · Active". */
    public static String health(Platform platform, Health health) {
        String replicas = health.replicas();
        String state = health.state() == null || health.state().isBlank() ? "Unknown" : health.state();
        return platform == Platform.LAMBDA
                ? replicas + SEPARATOR + state
                : replicas + SEPARATOR + health.endpoints() + " ep" + SEPARATOR + state;
    }
}
