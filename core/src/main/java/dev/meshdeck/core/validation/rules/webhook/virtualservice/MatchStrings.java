package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.virtualservice.VirtualServiceParts.Part;
import java.util.Map;
import java.util.Optional;

/**
 * A string match of an HTTP route that Envoy cannot use: a null header match, an empty prefix (except on the uri,
 * where it matches everything), an empty regex, or a regex that is not valid RE2 (Envoy's engine: a Java-only
 * construct such as a backreference or lookahead is refused).
 */
public final class MatchStrings implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0408", Severity.ERROR, Category.SCHEMA,
            "HTTP match string is null, an empty prefix or regex, or not a valid RE2 regex").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        VirtualServiceParts.forEachHttpRoute(context, (spec, route) -> {
            for (Part match : route.items("match")) {
                for (Part header : match.entries("headers")) {
                    if (header.node().isNull()) {
                        findings.report(INFO, spec.vs(), header.pointer(), "header match " + header.key()
                                + " cannot be null: give it exact, prefix or regex");
                    } else {
                        report(findings, header, "headers", problem(header.node(), true));
                    }
                }
                for (Part header : match.entries("withoutHeaders")) {
                    // "*" is not a regex here: Istio turns it into "header absent"
                    if (!header.node().path("regex").asText("").equals("*")) {
                        report(findings, header, "withoutHeaders", problem(header.node(), true));
                    }
                }
                report(findings, match.child("uri"), "uri", problem(match.node().path("uri"), false));
                for (String field : new String[] {"scheme", "method", "authority"}) {
                    report(findings, match.child(field), field, problem(match.node().path(field), true));
                }
                for (Part param : match.entries("queryParams")) {
                    report(findings, param, "queryParams", problem(param.node(), true));
                }
            }
        });
    }

    private static void report(Findings findings, Part at, String where, Optional<Map.Entry<String, String>> problem) {
        problem.ifPresent(p -> findings.report(INFO, at.vs(), at.pointer() + "/" + p.getKey(),
                "\"" + where + "\": " + p.getValue()));
    }

    /** The field of a StringMatch at fault and why; the uri alone may have an empty prefix. */
    static Optional<Map.Entry<String, String>> problem(JsonNode stringMatch, boolean prefixRequired) {
        return VirtualServiceParts.matchType(stringMatch).flatMap(m -> {
            if (m.getKey().equals("prefix") && prefixRequired && m.getValue().isEmpty()) {
                return Optional.of(Map.entry("prefix", "prefix string match should not be empty"));
            }
            return m.getKey().equals("regex") ? regex(m.getValue()).map(p -> Map.entry("regex", p)) : Optional.empty();
        });
    }

    /** An empty or invalid regex of a StringMatch. */
    static Optional<String> regex(String regex) {
        return regex.isEmpty() ? Optional.of("regex string match should not be empty") : IstioValues.re2(regex);
    }
}
