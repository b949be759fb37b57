package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.virtualservice.VirtualServiceParts.Part;
import java.util.ArrayList;
import java.util.List;

/** An HTTP route that rewrites the authority in more than one place (rewrite.authority, a set or add of Host). */
public final class AuthorityRewrite implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0411", Severity.ERROR, Category.SEMANTIC,
            "HTTP route sets the authority more than once (rewrite and header operation)").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        VirtualServiceParts.forEachHttpRoute(context, (spec, route) -> {
            List<Part> settings = new ArrayList<>();
            if (!route.child("rewrite").text("authority").isEmpty()) {
                settings.add(route.child("rewrite").child("authority"));
            }
            Part request = route.child("headers").child("request");
            for (String op : new String[] {"set", "add"}) {
                request.entries(op).stream().filter(h -> HeaderOperations.isAuthority(h.key())).forEach(settings::add);
            }
            if (settings.size() > 1) {
                Part second = settings.get(1);
                findings.report(INFO, spec.vs(), second.pointer(), "authority header cannot be set multiple times: have \""
                        + settings.get(0).node().asText("") + "\", attempting to set \"" + second.node().asText("")
                        + "\"; keep one of them");
            }
        });
    }
}
