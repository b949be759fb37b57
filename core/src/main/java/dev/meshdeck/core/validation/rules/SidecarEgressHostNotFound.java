package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * A Sidecar egress host ("namespace/dnsName") whose dnsName is no Service, Knative Service or ServiceEntry visible from
 * the Sidecar's namespace: the proxies get no route for it (Kiali's EgressHostChecker, KIA1004). A dnsName of "*"
 * imports a whole namespace and is not judged; a wildcard dnsName ("*.example.com") needs one host within it.
 */
public final class SidecarEgressHostNotFound implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0363", Severity.WARNING, Category.REFERENCE,
            "Sidecar egress host not found in the service registry").kiali("KIA1004");

    private static final JsonNode NO_EXPORT_TO = MissingNode.getInstance();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        MeshIndex mesh = MeshIndex.of(context);
        for (Resource sidecar : context.ofKind("Sidecar")) {
            if (!sidecar.candidate() || !Sidecars.isIstioSidecar(sidecar)) {
                continue;
            }
            JsonNode egress = sidecar.spec().path("egress");
            for (int i = 0; i < egress.size(); i++) {
                JsonNode hosts = egress.get(i).path("hosts");
                for (int j = 0; j < hosts.size(); j++) {
                    String host = hosts.get(j).asText("");
                    int slash = host.indexOf('/');
                    String dnsName = slash < 0 ? "" : host.substring(slash + 1);
                    if (dnsName.isEmpty() || dnsName.equals("*") || !mesh.canJudgeHost(dnsName, sidecar.namespace())) {
                        continue;
                    }
                    boolean found = dnsName.startsWith("*") ? mesh.anyHostWithin(dnsName, sidecar.namespace())
                            : mesh.lookup(sidecar.namespace(), NO_EXPORT_TO, dnsName) != null;
                    if (!found) {
                        findings.report(INFO, sidecar, "/spec/egress/" + i + "/hosts/" + j, "\"" + dnsName
                                + "\" matches no Service, Knative Service or ServiceEntry visible from namespace \"" + sidecar.namespace()
                                + "\", so this egress host imports nothing; check the spelling (a full name such as "
                                + "name.namespace.svc.cluster.local) or add the ServiceEntry");
                    }
                }
            }
        }
    }
}
