package dev.meshdeck.core.validation.rules.webhook;

import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.List;

/**
 * A rule that judges each object of its kinds on its own, as Istio's admission webhook does: no other object is
 * looked at, so the rule stays linear in the number of objects.
 */
public abstract class ObjectCheck implements Rule {

    private final RuleInfo info;
    private final List<String> kinds;

    protected ObjectCheck(RuleInfo info, String... kinds) {
        this.info = info;
        this.kinds = List.of(kinds);
    }

    @Override
    public final RuleInfo info() {
        return info;
    }

    @Override
    public final void check(ValidationContext context, Findings findings) {
        for (String kind : kinds) {
            for (Resource object : context.ofKind(kind)) {
                check(object, findings);
            }
        }
    }

    /** Reports the problems of one object of this rule's kinds. */
    protected abstract void check(Resource object, Findings findings);
}
