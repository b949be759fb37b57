package dev.meshdeck.core.validation.rules.webhook.sidecar;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.rules.webhook.ObjectCheck;

/** A Sidecar that configures nothing (no ingress, egress, outbound traffic policy or inbound connection pool): Istio rejects it. */
public final class SidecarEmpty extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0580", Severity.ERROR, Category.SCHEMA,
            "Sidecar configures nothing").istio("IST0106");

    public SidecarEmpty() {
        super(INFO, "Sidecar");
    }

    @Override
    protected void check(Resource sidecar, Findings findings) {
        if (sidecar.spec().path("ingress").size() == 0 && sidecar.spec().path("egress").size() == 0
                && !sidecar.spec().path("outboundTrafficPolicy").isObject()
                && !sidecar.spec().path("inboundConnectionPool").isObject()) {
            findings.report(INFO, sidecar, "/spec", "this Sidecar configures nothing: add egress (e.g. hosts: "
                    + "[\"./*\", \"istio-system/*\"]), ingress, outboundTrafficPolicy or inboundConnectionPool");
        }
    }
}
