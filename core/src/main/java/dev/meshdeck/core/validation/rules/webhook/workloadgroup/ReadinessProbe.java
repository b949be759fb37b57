package dev.meshdeck.core.validation.rules.webhook.workloadgroup;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.NetworkingObjects;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import java.util.regex.Pattern;

/**
 * A readiness probe istiod rejects (Istio's validateReadinessProbe): negative timings or thresholds, no check
 * method (httpGet, tcpSocket or exec), a port outside 1..65535, an httpGet scheme other than HTTP/HTTPS, a header
 * name that is not a token, or exec without a command.
 */
public final class ReadinessProbe implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0552", Severity.ERROR, Category.SCHEMA,
            "WorkloadGroup readiness probe invalid").istio("IST0106");

    private static final Pattern HEADER_NAME = Pattern.compile("[-A-Za-z0-9]+");
    private static final String[] COUNTS = {"periodSeconds", "initialDelaySeconds", "timeoutSeconds",
        "successThreshold", "failureThreshold"};

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource group : NetworkingObjects.candidates(context, "WorkloadGroup")) {
            JsonNode probe = group.spec().path("probe");
            if (probe.isObject()) {
                check(group, probe, findings);
            }
        }
    }

    private static void check(Resource group, JsonNode probe, Findings findings) {
        for (String count : COUNTS) {
            if (probe.path(count).isNumber() && probe.path(count).asLong() < 0) {
                findings.report(INFO, group, "/spec/probe/" + count, count + " must be non-negative");
            }
        }
        if (set(probe, "httpGet")) {
            JsonNode http = probe.path("httpGet");
            port(group, http, "/spec/probe/httpGet", findings);
            String scheme = http.path("scheme").asText("");
            if (!scheme.isEmpty() && !scheme.equals("HTTP") && !scheme.equals("HTTPS")) {
                findings.report(INFO, group, "/spec/probe/httpGet/scheme", "httpGet.scheme must be one of \"HTTPS\", \"HTTP\"");
            }
            JsonNode headers = http.path("httpHeaders");
            for (int i = 0; i < headers.size(); i++) {
                String name = headers.get(i).path("name").asText("");
                if (!HEADER_NAME.matcher(name).matches()) {
                    findings.report(INFO, group, "/spec/probe/httpGet/httpHeaders/" + i, name.isEmpty()
                            ? "header name cannot be empty" : "header name " + name + " is not a valid header name");
                }
            }
        } else if (set(probe, "tcpSocket")) {
            port(group, probe.path("tcpSocket"), "/spec/probe/tcpSocket", findings);
        } else if (set(probe, "exec")) {
            if (probe.path("exec").path("command").size() == 0) {
                findings.report(INFO, group, "/spec/probe/exec", "exec.command is required: the command whose exit "
                        + "status 0 means ready");
            }
        } else {
            findings.report(INFO, group, "/spec/probe", "the probe needs a check method: httpGet, tcpSocket or exec");
        }
    }

    private static void port(Resource group, JsonNode method, String at, Findings findings) {
        IstioValues.port(method.path("port").asLong(0)).ifPresent(problem ->
                findings.report(INFO, group, at + (method.has("port") ? "/port" : ""), problem));
    }

    private static boolean set(JsonNode parent, String field) {
        return parent.has(field) && !parent.get(field).isNull();
    }
}
