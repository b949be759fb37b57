package dev.meshdeck.core.validation.rules.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.PodTemplates;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An env {@code fieldRef} or {@code resourceFieldRef} names a field the downward API does not offer to environment
 * variables: the API server rejects the pod template ("supported values: metadata.name, ...").
 */
public final class DownwardFieldNotFound implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0706", Severity.ERROR, Category.SCHEMA,
            "env fieldRef or resourceFieldRef names a field the downward API does not have");

    /** The pod fields an env var may read (Kubernetes' validEnvDownwardAPIFieldPathExpressions). */
    private static final Set<String> POD_FIELDS = Set.of("metadata.name", "metadata.namespace", "metadata.uid",
            "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs");

    /** One label or annotation: {@code metadata.labels['app']}. */
    private static final Pattern ONE_LABEL = Pattern.compile("metadata\\.(labels|annotations)\\['[^']+'\\]");

    /** A container's requests and limits (Kubernetes' validContainerResourceFieldPathExpressions, plus hugepages). */
    private static final Pattern RESOURCE = Pattern.compile("(limits|requests)\\.(cpu|memory|ephemeral-storage|hugepages-.+)");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource workload : context.candidates()) {
            if (!PodTemplates.runsPods(workload)) {
                continue;
            }
            for (Map.Entry<String, JsonNode> c : ConfigReferences.containers(workload)) {
                JsonNode env = c.getValue().path("env");
                for (int i = 0; i < env.size(); i++) {
                    String at = c.getKey() + "/env/" + i + "/valueFrom/";
                    JsonNode field = env.get(i).path("valueFrom").path("fieldRef").path("fieldPath");
                    if (field.isTextual() && !POD_FIELDS.contains(field.asText()) && !ONE_LABEL.matcher(field.asText()).matches()) {
                        findings.report(INFO, workload, at + "fieldRef/fieldPath", "fieldPath \"" + field.asText()
                                + "\" is not a pod field an env var can read; use metadata.name, metadata.namespace, metadata.uid, "
                                + "metadata.labels['key'], metadata.annotations['key'], spec.nodeName, spec.serviceAccountName, "
                                + "status.hostIP or status.podIP");
                    }
                    JsonNode resource = env.get(i).path("valueFrom").path("resourceFieldRef").path("resource");
                    if (resource.isTextual() && !RESOURCE.matcher(resource.asText()).matches()) {
                        findings.report(INFO, workload, at + "resourceFieldRef/resource", "resource \"" + resource.asText()
                                + "\" is not a container resource; use limits.cpu, limits.memory, requests.cpu, requests.memory "
                                + "or limits/requests.ephemeral-storage");
                    }
                }
            }
        }
    }
}
