package dev.meshdeck.core.validation.rules;


import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * A DestinationRule whose host is no Service, Knative Service or ServiceEntry visible from its namespace, or a
 * wildcard host that covers none: its policy applies to nothing.
 */
public final class DestinationRuleHostNotFound implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0308", Severity.WARNING, Category.REFERENCE,
            "DestinationRule host not found in the service registry").istio("IST0174").kiali("KIA0202");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        MeshIndex mesh = MeshIndex.of(context);
        for (Resource dr : context.ofKind("DestinationRule")) {
            String host = dr.spec().path("host").asText("");
            if (!dr.candidate() || host.isEmpty() || !mesh.canJudgeHost(host, dr.namespace())) {
                continue;
            }
            // a wildcard host (a namespace's or the mesh's TLS default) applies to every Service it covers
            boolean found = host.startsWith("*") ? mesh.anyHostWithin(host, dr.namespace())
                    : mesh.lookup(dr.namespace(), dr.spec().path("exportTo"), host) != null;
            if (!found) {
                findings.report(INFO, dr, "/spec/host", "host \"" + host + "\" matches no Service, Knative Service or ServiceEntry visible from namespace \""
                        + dr.namespace() + "\", so this DestinationRule applies to nothing; fix the host (name.namespace.svc.cluster.local across namespaces)");
            }
        }
    }
}
