package dev.meshdeck.connectors.kube;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the mesh sees of one function: where it runs, the Services that front it and how its pods are labelled.
 *
 * @param primaryService the Service named after the function (it may not exist)
 * @param services       the primary Service plus per-version/revision Services that select the function's pods
 * @param podSelectors   label selectors of the function's pods (one per Deployment or revision family)
 * @param podTemplates   labels the function's pods are created with; policies still apply when scaled to zero
 */
record Workload(String namespace, String primaryService, Set<String> services,
                List<Map<String, String>> podSelectors, List<Map<String, String>> podTemplates) {

    Workload {
        services = Set.copyOf(services);
        podSelectors = List.copyOf(podSelectors);
        podTemplates = List.copyOf(podTemplates);
    }
}
