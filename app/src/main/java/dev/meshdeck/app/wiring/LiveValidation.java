package dev.meshdeck.app.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.connectors.kube.ClusterSnapshot;
import dev.meshdeck.connectors.kube.Kubeconfigs;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ResourceRef;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.Rules;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.Validator;
import dev.meshdeck.core.validation.schema.SchemaRules;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validation of candidates against a live cluster: its objects as references, its CRDs as schemas. */
public final class LiveValidation {

    private LiveValidation() {
    }

    public static List<Finding> validate(List<Resource> candidates, String context, String kubeconfig, PrintWriter err) {
        Kubeconfigs kubeconfigs = kubeconfig != null
                ? Kubeconfigs.load(Kubeconfigs.parsePathList(kubeconfig))
                : Kubeconfigs.fromEnvironment();
        ClusterSnapshot snapshot;
        try (KubernetesClient client = kubeconfigs.newClient(context)) {
            snapshot = ClusterSnapshot.read(client);
        }
        // What the identity may not list cannot be judged: fall back to offline reasoning for references.
        boolean complete = snapshot.unreadable().isEmpty();
        if (!complete) {
            err.println("meshdeck validate: context " + context + " does not let this identity list "
                    + String.join(", ", snapshot.unreadable()) + "; references are checked only against the input files");
        }

        // A candidate replaces the live object it would overwrite when applied.
        Set<ResourceRef> replaced = new HashSet<>();
        candidates.forEach(c -> replaced.add(identity(c)));
        List<Resource> all = new ArrayList<>(candidates);
        for (JsonNode object : snapshot.objects()) {
            Resource live = Resource.live(object);
            if (!replaced.contains(identity(live))) {
                all.add(live);
            }
        }
        List<Rule> schema = snapshot.crds().isEmpty() ? SchemaRules.offline() : SchemaRules.fromCrds(snapshot.crds());
        return new Validator(Rules.withSchema(schema)).validate(new ValidationContext(all, complete));
    }

    /** kind@group, namespace, name: a Knative Service and a core Service of one name are different objects. */
    private static ResourceRef identity(Resource r) {
        return new ResourceRef(r.kind() + "@" + r.group(), r.namespace(), r.name());
    }
}
