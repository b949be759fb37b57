package dev.meshdeck.core.validation.rules.webhook.workloadentry;

import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.List;

/** The WorkloadEntries the webhook rules judge: Istio's, read from files (a missing spec reads as an empty one). */
final class WorkloadEntries {

    private WorkloadEntries() {
    }

    static List<Resource> candidates(ValidationContext context) {
        return context.ofKind("WorkloadEntry").stream()
                .filter(r -> r.candidate() && r.group().equals("networking.istio.io"))
                .toList();
    }
}
