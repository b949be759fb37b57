package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.canary.CanaryPlan;
import dev.meshdeck.core.canary.CanaryRun;
import dev.meshdeck.core.canary.CheckResult;
import dev.meshdeck.core.canary.IntervalRecord;
import dev.meshdeck.core.canary.VersionFigures;
import dev.meshdeck.core.workloads.Age;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Canary runs as the terminal shows them: progress lines, the status table and its JSON. */
final class CanaryText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CanaryText() {
    }

    /** "steps 25%, 50% every 10s; success rate ≥ 99%, p99 ≤ 500ms, at least 10 requests, abort after 5 failed checks". */
    static String plan(CanaryPlan plan) {
        return "steps " + plan.steps().stream().map(w -> w + "%").collect(Collectors.joining(", ")) + " every "
                + Age.of(plan.interval()) + "; success rate ≥ " + number(plan.minSuccessRatePercent()) + "%"
                + (plan.latency() == null ? "" : ", " + plan.latency().percentile().label() + " ≤ "
                        + number(plan.latency().maxMillis()) + "ms")
                + (plan.stableTolerancePercent() == null ? "" : ", no worse than stable by "
                        + number(plan.stableTolerancePercent()) + "%")
                + ", at least " + plan.minRequests() + " requests, abort after " + plan.threshold() + " failed check(s)";
    }

    /** What changed from {@code before} to {@code after}, one line each: the interval judged, the step written, the end. */
    static List<String> progress(CanaryRun before, CanaryRun after) {
        List<String> lines = new java.util.ArrayList<>();
        for (IntervalRecord i : after.intervals().subList(before.intervals().size(), after.intervals().size())) {
            lines.add("  judged " + i.weight() + "% over " + Age.of(Duration.between(i.from(), i.to())) + ": "
                    + i.judgement().summary(after.plan()) + (i.judgement().passed() ? " → passed" : " → FAILED"));
        }
        if (after.step() != before.step() && after.status().active()) {
            lines.add("step " + (after.step() + 1) + "/" + after.plan().steps().size() + ": " + after.candidate() + " at "
                    + after.weight() + "%" + historyRef(after));
        }
        if (after.status() != before.status() || !after.status().active()) {
            lines.add(after.status().label() + (after.reason().isEmpty() ? "" : ": " + after.reason())
                    + (after.status().active() ? "" : historyRef(after)));
        }
        return lines;
    }

    private static String historyRef(CanaryRun run) {
        return run.history().isEmpty() ? "" : " (history #" + run.history().get(run.history().size() - 1) + ")";
    }

    static String table(List<CanaryRun> runs, Instant now) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-36s %-28s %-20s %-22s %6s %5s %6s  %s%n",
                "ID", "FUNCTION", "CANDIDATE", "STATE", "WEIGHT", "STEP", "FAILED", "REASON"));
        for (CanaryRun r : runs) {
            out.append(String.format(Locale.ROOT, "%-36s %-28s %-20s %-22s %5d%% %5s %6s  %s%n", r.id(), r.functionLabel(),
                    r.candidate(), r.state(now), r.weight(), (r.step() + 1) + "/" + r.plan().steps().size(),
                    r.failedChecks() + "/" + r.plan().threshold(), r.reason()));
            if (!r.planSource().isEmpty()) {
                out.append("  plan: ").append(r.planSource()).append("; ").append(plan(r.plan())).append('\n');
            }
        }
        return out.toString();
    }

    static String json(List<CanaryRun> runs, Instant now) {
        ArrayNode array = JSON.createArrayNode();
        for (CanaryRun r : runs) {
            ObjectNode o = array.addObject();
            o.put("id", r.id());
            o.put("function", r.function());
            o.put("namespace", r.namespace());
            o.put("target", r.target().label());
            o.put("candidate", r.candidate());
            r.stable().forEach(o.putArray("stable")::add);
            o.put("status", r.status().name().toLowerCase(Locale.ROOT));
            o.put("interrupted", r.interrupted(now));
            o.put("weight", r.weight());
            o.put("step", r.step() + 1);
            r.plan().steps().forEach(o.putArray("steps")::add);
            o.put("planSource", r.planSource());
            o.put("failedChecks", r.failedChecks());
            o.put("threshold", r.plan().threshold());
            o.put("started", r.started().toString());
            o.put("finished", r.finished() == null ? null : r.finished().toString());
            o.put("nextDecision", r.decisionAt() == null ? null : r.decisionAt().toString());
            o.put("reason", r.reason());
            r.history().forEach(o.putArray("history")::add);
            ArrayNode intervals = o.putArray("intervals");
            for (IntervalRecord i : r.intervals()) {
                ObjectNode j = intervals.addObject();
                j.put("weight", i.weight());
                j.put("from", i.from().toString());
                j.put("to", i.to().toString());
                j.put("passed", i.judgement().passed());
                if (i.metrics() != null) {
                    figures(j.putObject("candidate"), i.metrics().candidate());
                    figures(j.putObject("stable"), i.metrics().stable());
                }
                if (i.judgement().problem() != null) {
                    j.put("problem", i.judgement().problem());
                }
                ArrayNode checks = j.putArray("checks");
                for (CheckResult c : i.judgement().checks()) {
                    ObjectNode check = checks.addObject();
                    check.put("check", c.check().name().toLowerCase(Locale.ROOT));
                    putNumber(check, "observed", c.observed());
                    putNumber(check, "limit", c.limit());
                    check.put("passed", c.passed());
                }
            }
        }
        return array.toPrettyString() + "\n";
    }

    private static void figures(ObjectNode o, VersionFigures f) {
        putNumber(o, "requests", f.requests());
        putNumber(o, "failed", f.failed());
        putNumber(o, "successRate", f.successRatePercent());
        putNumber(o, "p95Millis", f.p95Millis());
        putNumber(o, "p99Millis", f.p99Millis());
    }

    /** JSON has no NaN: an unknown figure is null. */
    private static void putNumber(ObjectNode o, String name, double value) {
        if (Double.isNaN(value)) {
            o.putNull(name);
        } else {
            o.put(name, value);
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
