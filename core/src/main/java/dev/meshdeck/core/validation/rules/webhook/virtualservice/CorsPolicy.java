package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.virtualservice.VirtualServiceParts.Part;
import java.util.Optional;
import java.util.Set;

/**
 * A CORS policy browsers cannot be given: an empty or invalid allowed origin, an unknown method, an invalid header
 * name, or a max age finer than seconds (the Access-Control-Max-Age header counts seconds).
 */
public final class CorsPolicy implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0412", Severity.ERROR, Category.SCHEMA,
            "CORS policy with an invalid origin, method, header name or max age").istio("IST0106");

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT",
            "OPTIONS", "TRACE", "*");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        VirtualServiceParts.forEachHttpField(context, "corsPolicy", (route, cors) -> {
            for (Part origin : cors.items("allowOrigins")) {
                VirtualServiceParts.matchType(origin.node()).ifPresent(m -> {
                    Optional<String> problem = m.getValue().isEmpty()
                            ? Optional.of("'' is not a valid match type for CORS allow origins: an origin must not be empty")
                            : m.getKey().equals("regex") ? IstioValues.re2(m.getValue()) : Optional.empty();
                    problem.ifPresent(p -> findings.report(INFO, route.vs(), origin.pointer() + "/" + m.getKey(), p));
                });
            }
            for (Part method : cors.items("allowMethods")) {
                if (!METHODS.contains(method.node().asText(""))) {
                    findings.report(INFO, route.vs(), method.pointer(), "\"" + method.node().asText("")
                            + "\" is not a supported HTTP method (GET, HEAD, POST, PUT, PATCH, DELETE, CONNECT, OPTIONS, TRACE or *)");
                }
            }
            for (String list : new String[] {"allowHeaders", "exposeHeaders"}) {
                for (Part header : cors.items(list)) {
                    String name = header.node().asText("");
                    Optional<String> problem = name.equals("*") ? Optional.empty() : IstioValues.httpHeaderName(name);
                    problem.ifPresent(p -> findings.report(INFO, route.vs(), header.pointer(), p));
                }
            }
            String maxAge = cors.text("maxAge");
            IstioValues.parseDuration(maxAge).filter(d -> d.toMillis() >= 1 && d.getNano() != 0).ifPresent(d ->
                    findings.report(INFO, route.vs(), cors.pointer() + "/maxAge", "max_age duration is accurate only to "
                            + "seconds precision: \"" + maxAge + "\" cannot be sent to browsers; use whole seconds"));
        });
    }
}
