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

/**
 * A redirect Envoy cannot send: uri together with prefixRewrite, a prefixRewrite on a route whose uri matches
 * are not all prefixes, nothing to change, a code that is not 3xx, a scheme other than http/https, a bad port.
 */
public final class Redirect implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0417", Severity.ERROR, Category.SCHEMA,
            "HTTP redirect that changes nothing, mixes uri and prefixRewrite, or has an invalid code, scheme or port")
            .istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        VirtualServiceParts.forEachHttpField(context, "redirect", (route, redirect) -> problem(redirect, route)
                .ifPresent(p -> findings.report(INFO, route.vs(), redirect.pointer(), p)));
    }

    /** Istio reports the first problem of a redirect only. */
    private static Optional<String> problem(Part redirect, Part route) {
        String uri = redirect.text("uri");
        String prefixRewrite = redirect.text("prefixRewrite");
        if (!uri.isEmpty() && !prefixRewrite.isEmpty()) {
            return Optional.of("redirect may only specify one of uri or prefix_rewrite");
        }
        if (!prefixRewrite.isEmpty()) {
            for (Part match : route.items("match")) {
                if (match.has("uri") && !match.child("uri").has("prefix")) {
                    return Optional.of("redirect prefix_rewrite requires all URI matches to use prefix match type "
                            + "(the matched prefix is what it replaces)");
                }
            }
        }
        if (uri.isEmpty() && prefixRewrite.isEmpty() && redirect.text("authority").isEmpty()
                && !redirect.has("port") && !redirect.has("derivePort") && redirect.text("scheme").isEmpty()) {
            return Optional.of("redirect must specify URI, authority, scheme, or port");
        }
        long code = redirect.node().path("redirectCode").asLong(0);
        if (code != 0 && (code < 300 || code > 399)) {
            return Optional.of(code + " is not a valid redirect code, must be 3xx");
        }
        String scheme = redirect.text("scheme");
        if (!scheme.isEmpty() && !scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("invalid redirect scheme, must be \"http\" or \"https\"");
        }
        long port = redirect.node().path("port").asLong(0);
        return port > 0 ? IstioValues.port(port) : Optional.empty();
    }
}
