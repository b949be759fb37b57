package dev.meshdeck.core.validation.rules;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Hosts;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.Set;

/**
 * A route destination or DestinationRule host with dots that is not a cluster FQDN, while no ServiceEntry among the
 * inputs could declare it (so {@link DestinationHostNotFound} cannot judge it). Istio only expands names without
 * a dot: "reviews.bookinfo" is taken literally, not as reviews.bookinfo.svc.cluster.local, and "wikipedia.org" is
 * only routable through a ServiceEntry. A warning: offline, the ServiceEntry may live in the cluster.
 */
public final class DottedHostNotInRegistry implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0252", Severity.WARNING, Category.SEMANTIC,
            "dotted host is neither a cluster FQDN nor declared by a ServiceEntry").kiali("KIA1101");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        MeshIndex mesh = MeshIndex.of(context);
        if (mesh.knowsServiceEntries()) {
            return; // ServiceEntries are known: DestinationHostNotFound and DestinationRuleHostNotFound judge these hosts
        }
        Set<String> namespaces = context.namespaces();
        RouteDestinations.ofCandidates(context, (vs, d) -> report(findings, mesh, namespaces, vs, d.host(), d.pointer() + "/host"));
        for (Resource dr : context.ofKind("DestinationRule")) {
            if (dr.candidate()) {
                report(findings, mesh, namespaces, dr, dr.spec().path("host").asText(""), "/spec/host");
            }
        }
    }

    private static void report(Findings findings, MeshIndex mesh, Set<String> namespaces, Resource r, String host, String pointer) {
        if (host.startsWith("*") || !host.contains(".") || Hosts.qualify(host, r.namespace()).endsWith(Hosts.CLUSTER_SUFFIX)
                || mesh.lookup(r.namespace(), r.spec().path("exportTo"), host) != null) {
            return;
        }
        String[] labels = host.split("\\.");
        if (labels.length >= 2 && namespaces.contains(labels[1]) && (labels.length == 2 || labels[2].equals("svc"))) {
            findings.report(INFO, r, pointer, "Istio does not expand \"" + host + "\": only names without a dot are completed, "
                    + "so this is not " + Hosts.ofService(labels[0], labels[1]) + " and matches no Service. Write the full name");
        } else {
            findings.report(INFO, r, pointer, "no ServiceEntry among the inputs declares \"" + host + "\"; unless one exists in the "
                    + "cluster, Istio has no such host and requests fail with 503. Add a ServiceEntry for it (or, for a Service, "
                    + "write name.namespace.svc.cluster.local)");
        }
    }
}
