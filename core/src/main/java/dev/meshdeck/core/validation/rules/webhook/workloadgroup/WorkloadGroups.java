package dev.meshdeck.core.validation.rules.webhook.workloadgroup;

import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.List;

/** The WorkloadGroups the webhook rules judge: Istio's, read from files (a missing spec reads as an empty one). */
final class WorkloadGroups {

    private WorkloadGroups() {
    }

    static List<Resource> candidates(ValidationContext context) {
        return context.ofKind("WorkloadGroup").stream()
                .filter(r -> r.candidate() && r.group().equals("networking.istio.io"))
                .toList();
    }
}
