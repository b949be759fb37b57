package dev.meshdeck.core.validation.rules.webhook.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.rules.webhook.ObjectCheck;

/**
 * A Sidecar connection pool (inboundConnectionPool, or an ingress listener's connectionPool) with neither tcp nor
 * http settings: Istio rejects it.
 */
public final class SidecarConnectionPool extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0589", Severity.ERROR, Category.SCHEMA,
            "Sidecar connection pool without settings").istio("IST0106");

    public SidecarConnectionPool() {
        super(INFO, "Sidecar");
    }

    @Override
    protected void check(Resource sidecar, Findings findings) {
        empty(sidecar, "/spec/inboundConnectionPool", sidecar.spec().path("inboundConnectionPool"), findings);
        JsonNode ingress = sidecar.spec().path("ingress");
        for (int i = 0; i < ingress.size(); i++) {
            empty(sidecar, "/spec/ingress/" + i + "/connectionPool", ingress.get(i).path("connectionPool"), findings);
        }
    }

    private static void empty(Resource sidecar, String at, JsonNode pool, Findings findings) {
        if (pool.isObject() && !pool.path("tcp").isObject() && !pool.path("http").isObject()) {
            findings.report(INFO, sidecar, at, "a connection pool needs tcp or http settings (e.g. tcp.maxConnections); "
                    + "remove it to keep the defaults");
        }
    }
}
