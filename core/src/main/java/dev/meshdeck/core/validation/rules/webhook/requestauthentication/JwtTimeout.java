package dev.meshdeck.core.validation.rules.webhook.requestauthentication;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;
import java.time.Duration;

/**
 * A jwtRule {@code timeout} (for fetching the JWKS) finer than whole milliseconds: Istio's webhook refuses it.
 * A timeout that is no duration or under 1 ms is already the schema's finding (MD0104) in both modes.
 */
public final class JwtTimeout implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0622", Severity.ERROR, Category.SCHEMA,
            "RequestAuthentication jwtRule timeout not in whole milliseconds").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (PolicyNode rule : JwtRuleNodes.of(context)) {
            PolicyNode timeout = rule.field("timeout");
            boolean schemasJudge = IstioValues.parseDuration(timeout.text())
                    .map(d -> d.compareTo(Duration.ofMillis(1)) < 0).orElse(true);
            if (!schemasJudge) {
                IstioValues.duration(timeout.text()).ifPresent(problem -> findings.report(INFO, timeout.resource(),
                        timeout.pointer(), "timeout \"" + timeout.text() + "\": " + problem + ", such as 1500ms"));
            }
        }
    }
}
