package dev.meshdeck.core.validation.rules.webhook.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.ObjectCheck;
import java.util.HashSet;
import java.util.Set;

/**
 * A Sidecar egress listener Istio rejects: a listener without a port (the catch-all) that is not the last, a bad port,
 * bind or capture mode, port 0 without a Unix socket bind, or a port or socket another egress listener already uses.
 */
public final class SidecarEgressListeners extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0585", Severity.ERROR, Category.SCHEMA,
            "Sidecar egress listener port, bind or order invalid").istio("IST0106");

    public SidecarEgressListeners() {
        super(INFO, "Sidecar");
    }

    @Override
    protected void check(Resource sidecar, Findings findings) {
        JsonNode egress = sidecar.spec().path("egress");
        Set<Long> ports = new HashSet<>();
        Set<String> sockets = new HashSet<>();
        for (int i = 0; i < egress.size(); i++) {
            JsonNode listener = egress.get(i);
            String at = "/spec/egress/" + i;
            if (listener.isNull()) {
                findings.report(INFO, sidecar, at, "an egress listener may not be null");
            } else if (!listener.path("port").isObject()) {
                if (i != egress.size() - 1) {
                    findings.report(INFO, sidecar, at, "the egress listener without a port catches all other "
                            + "traffic and must be the last in the list (and the only one without a port)");
                }
            } else if (listener.path("port").path("number").asLong(0) == 0) {
                unixSocket(sidecar, at, listener, sockets, findings);
            } else {
                ListenerPorts.check(INFO, sidecar, at, listener, false, findings);
                if (!ports.add(listener.path("port").path("number").asLong())) {
                    findings.report(INFO, sidecar, at + "/port/number", "port " + listener.path("port").path("number").asText()
                            + " is already used by another egress listener: ports on IP-bound listeners must be unique");
                }
            }
        }
    }

    /** Port 0 means a listener on a Unix domain socket, named by a unix:// bind. */
    private static void unixSocket(Resource sidecar, String at, JsonNode listener, Set<String> sockets, Findings findings) {
        ListenerPorts.check(INFO, sidecar, at, listener, true, findings);
        String bind = listener.path("bind").asText("");
        if (!IstioValues.isUnixAddress(bind)) {
            findings.report(INFO, sidecar, at + "/bind", "a listener on port 0 must bind a Unix domain socket "
                    + "(unix:///path or unix://@name)");
        } else {
            IstioValues.unixAddress(bind)
                    .ifPresent(problem -> findings.report(INFO, sidecar, at + "/bind", "Unix socket bind: " + problem));
        }
        String captureMode = listener.path("captureMode").asText("DEFAULT");
        if (!captureMode.equals("DEFAULT") && !captureMode.equals("NONE")) {
            findings.report(INFO, sidecar, at + "/captureMode", "captureMode must be DEFAULT or NONE for a Unix "
                    + "domain socket listener");
        }
        if (!sockets.add(bind)) {
            findings.report(INFO, sidecar, at + "/bind", "Unix domain socket " + bind
                    + " is already bound by another egress listener");
        }
    }
}
