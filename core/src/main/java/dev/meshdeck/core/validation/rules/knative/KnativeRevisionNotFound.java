package dev.meshdeck.core.validation.rules.knative;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.HashSet;
import java.util.Set;

/**
 * A Knative traffic target pins a {@code revisionName} that no Revision has: Knative accepts the Service but its
 * Route never becomes ready (RevisionMissing). A name the Service itself will create
 * ({@code spec.template.metadata.name}) counts as existing. Offline, a Service is judged only when the inputs hold
 * Revisions of it (label serving.knative.dev/service), a Route when they hold Revisions of its namespace.
 */
public final class KnativeRevisionNotFound implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0358", Severity.ERROR, Category.REFERENCE,
            "Knative traffic target revision not found");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        if (!context.knows("Revision")) {
            return;
        }
        Set<String> revisions = new HashSet<>();
        Set<String> servicesWithRevisions = new HashSet<>();
        Set<String> namespacesWithRevisions = new HashSet<>();
        for (Resource rev : context.ofKind("Revision")) {
            if (!rev.group().equals(KnativeTraffic.GROUP)) {
                continue;
            }
            revisions.add(rev.namespace() + "/" + rev.name());
            namespacesWithRevisions.add(rev.namespace());
            String owner = rev.tree().path("metadata").path("labels").path("serving.knative.dev/service").asText("");
            if (!owner.isEmpty()) {
                servicesWithRevisions.add(rev.namespace() + "/" + owner);
            }
        }
        for (Resource svc : KnativeTraffic.withTraffic(context)) {
            boolean judged = context.live() || (svc.kind().equals("Service")
                    ? servicesWithRevisions.contains(svc.namespace() + "/" + svc.name())
                    : namespacesWithRevisions.contains(svc.namespace()));
            if (!judged) {
                continue;
            }
            String own = svc.spec().path("template").path("metadata").path("name").asText("");
            JsonNode traffic = svc.spec().path("traffic");
            for (int i = 0; i < traffic.size(); i++) {
                String revision = traffic.get(i).path("revisionName").asText("");
                if (!revision.isEmpty() && !revision.equals(own) && !revisions.contains(svc.namespace() + "/" + revision)) {
                    findings.report(INFO, svc, "/spec/traffic/" + i + "/revisionName", "Revision \"" + revision
                            + "\" does not exist in namespace \"" + svc.namespace() + "\": the route will not become "
                            + "ready. Pick an existing revision (kn revision list) or use latestRevision: true");
                }
            }
        }
    }
}
