package dev.meshdeck.core.validation.rules.webhook.authorizationpolicy;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;

/**
 * An AuthorizationPolicy whose action does not fit its provider or rules, as Istio's webhook judges it: CUSTOM
 * needs rules and a {@code provider.name}, a provider needs CUSTOM, and DENY needs rules (without them it would
 * never be triggered).
 */
public final class AuthzActionProvider implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0610", Severity.ERROR, Category.SEMANTIC,
            "AuthorizationPolicy action without the rules or provider it needs").istio("IST0106");

    private static final String NEVER_TRIGGERED = " action without `rules` is meaningless as it will never be "
            + "triggered: add an empty rule `{}` if you want it to be triggered for every request";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (PolicyNode spec : PolicyNode.specs(context, "AuthorizationPolicy")) {
            String action = spec.field("action").text().isEmpty() ? "ALLOW" : spec.field("action").text();
            boolean noRules = spec.field("rules").unset();
            PolicyNode provider = spec.field("provider");
            if (action.equals("CUSTOM") && noRules) {
                findings.report(INFO, spec.resource(), spec.field("action").pointer(), "CUSTOM" + NEVER_TRIGGERED);
            } else if (action.equals("CUSTOM") && provider.field("name").text().isEmpty()) {
                findings.report(INFO, spec.resource(), provider.present() ? provider.pointer() : spec.field("action").pointer(),
                        "`provider.name` must not be empty: a CUSTOM action names the extension provider (from the "
                                + "mesh config's extensionProviders) that decides");
            }
            if (provider.present() && !action.equals("CUSTOM")) {
                findings.report(INFO, spec.resource(), provider.pointer(), "`provider` must not be with non CUSTOM "
                        + "action, found " + action + ": set action: CUSTOM or remove the provider");
            }
            if (action.equals("DENY") && noRules) {
                findings.report(INFO, spec.resource(), spec.field("action").pointer(), "DENY" + NEVER_TRIGGERED);
            }
        }
    }
}
