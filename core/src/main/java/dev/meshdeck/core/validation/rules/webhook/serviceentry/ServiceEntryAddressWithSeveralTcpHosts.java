package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.rules.webhook.IstioProtocol;
import dev.meshdeck.core.validation.rules.webhook.ObjectCheck;
import java.util.Optional;

/**
 * A DNS ServiceEntry with addresses, a TCP port and several hosts: Istio admits it with a warning, but traffic to
 * the address on that port goes to one of the hosts only.
 */
public final class ServiceEntryAddressWithSeveralTcpHosts extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0571", Severity.WARNING, Category.SEMANTIC,
            "ServiceEntry with addresses, a TCP port and several hosts");

    public ServiceEntryAddressWithSeveralTcpHosts() {
        super(INFO, "ServiceEntry");
    }

    @Override
    protected void check(Resource se, Findings findings) {
        Optional<Resolution> resolution = Resolution.of(se);
        JsonNode spec = se.spec();
        if (resolution.isEmpty() || !resolution.get().isDns() || spec.path("addresses").size() == 0
                || spec.path("hosts").size() < 2) {
            return;
        }
        for (JsonNode port : spec.path("ports")) {
            Optional<IstioProtocol> protocol = IstioProtocol.parse(port.path("protocol").asText(""));
            if (protocol.isPresent() && protocol.get().isTcp()) {
                findings.report(INFO, se, "/spec/hosts", "a ServiceEntry with addresses and a TCP port ("
                        + port.path("number").asText() + ") should name only one host: the address cannot tell them apart");
                break;
            }
        }
    }
}
