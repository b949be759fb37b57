package dev.meshdeck.core.validation.rules.webhook.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.rules.webhook.ObjectCheck;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A Sidecar egress host that another host of the same listener already imports ("test/a.com" after "test/*",
 * anything beside "*&#47;*"): Istio admits it with a warning; it adds nothing.
 */
public final class SidecarDuplicateEgressHosts extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0587", Severity.WARNING, Category.SEMANTIC,
            "Sidecar egress host already imported by another");

    private static final String ALL = "*";

    public SidecarDuplicateEgressHosts() {
        super(INFO, "Sidecar");
    }

    @Override
    protected void check(Resource sidecar, Findings findings) {
        JsonNode egress = sidecar.spec().path("egress");
        for (int i = 0; i < egress.size(); i++) {
            listener(sidecar, "/spec/egress/" + i, egress.get(i).path("hosts"), findings);
        }
    }

    private static void listener(Resource sidecar, String at, JsonNode hosts, Findings findings) {
        Map<String, Set<String>> byNamespace = new HashMap<>();
        for (int h = 0; h < hosts.size(); h++) {
            String host = hosts.get(h).asText("");
            int slash = host.indexOf('/');
            if (slash < 0 || host.startsWith("~")) {
                continue;
            }
            String namespace = host.substring(0, slash);
            if (namespace.equals(".") && !sidecar.namespace().isEmpty()) {
                namespace = sidecar.namespace();
            }
            String name = host.substring(slash + 1);
            Set<String> names = byNamespace.computeIfAbsent(namespace, n -> new HashSet<>());
            boolean covered = name.equals(ALL) ? !names.isEmpty() : names.contains(name) || names.contains(ALL);
            if (covered) {
                findings.report(INFO, sidecar, at + "/hosts/" + h, "egress host \"" + host
                        + "\" is already imported by another host of this listener");
            }
            names.add(name);
        }
        if (byNamespace.getOrDefault(ALL, Set.of()).contains(ALL) && byNamespace.size() != 1) {
            findings.report(INFO, sidecar, at + "/hosts", "\"*/*\" imports every host: the other hosts of this "
                    + "listener add nothing");
        }
    }
}
