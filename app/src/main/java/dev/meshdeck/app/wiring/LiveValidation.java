package dev.meshdeck.app.wiring;

import dev.meshdeck.connectors.kube.ClusterSnapshot;
import dev.meshdeck.connectors.kube.Kubeconfigs;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.LiveEstate;
import dev.meshdeck.core.validation.Resource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.util.List;

/**
 * `validate --context`: candidates judged against a live cluster as the apply pipeline's gate judges them
 * ({@link LiveEstate#validate}).
 */
public final class LiveValidation {

    private LiveValidation() {
    }

    public static List<Finding> validate(List<Resource> candidates, String context, String kubeconfig, PrintWriter err) {
        Kubeconfigs kubeconfigs = kubeconfig != null
                ? Kubeconfigs.load(Kubeconfigs.parsePathList(kubeconfig))
                : Kubeconfigs.fromEnvironment();
        LiveEstate estate;
        try (KubernetesClient client = kubeconfigs.newClient(context)) {
            estate = ClusterSnapshot.read(client);
        }
        if (!estate.complete()) {
            err.println("meshdeck validate: context " + context + " does not let this identity list "
                    + String.join(", ", estate.unreadable()) + "; references are checked only against the input files");
        }
        return estate.validate(candidates, List.of());
    }
}
