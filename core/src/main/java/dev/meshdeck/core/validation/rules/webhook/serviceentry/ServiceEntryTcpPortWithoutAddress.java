package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.rules.webhook.ObjectCheck;
import java.util.Optional;

/**
 * A ServiceEntry TCP port (or one without protocol) with no address to listen on: Istio admits it with a warning.
 * Without spec.addresses the sidecar can only tell the hosts apart by HTTP Host or TLS SNI; istiod allocates an
 * address itself unless the resolution is NONE or the entry opts out (label networking.istio.io/enable-autoallocate-ip).
 */
public final class ServiceEntryTcpPortWithoutAddress extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0564", Severity.WARNING, Category.SEMANTIC,
            "ServiceEntry TCP port without an address");

    private static final String AUTO_ALLOCATE_LABEL = "networking.istio.io/enable-autoallocate-ip";

    public ServiceEntryTcpPortWithoutAddress() {
        super(INFO, "ServiceEntry");
    }

    @Override
    protected void check(Resource se, Findings findings) {
        Optional<Resolution> resolution = Resolution.of(se);
        if (resolution.isEmpty() || se.spec().path("addresses").size() > 0 || autoAllocated(se, resolution.get())) {
            return;
        }
        JsonNode ports = se.spec().path("ports");
        for (int i = 0; i < ports.size(); i++) {
            String protocol = ports.get(i).path("protocol").asText("");
            // Istio compares the text as written: "tcp" in lower case is not warned about
            if (ports.get(i).isObject() && (protocol.isEmpty() || protocol.equals("TCP"))) {
                findings.report(INFO, se, "/spec/ports/" + i, "port " + ports.get(i).path("number").asText()
                        + " serves TCP but the ServiceEntry has no spec.addresses and istiod does not allocate one"
                        + " (resolution " + resolution.get() + "): set addresses, or declare the port's protocol (HTTP, TLS, ...)");
            }
        }
    }

    private static boolean autoAllocated(Resource se, Resolution resolution) {
        return resolution != Resolution.NONE
                && !se.tree().path("metadata").path("labels").path(AUTO_ALLOCATE_LABEL).asText("").equalsIgnoreCase("false");
    }
}
