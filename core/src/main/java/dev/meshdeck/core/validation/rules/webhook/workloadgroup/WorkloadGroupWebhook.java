package dev.meshdeck.core.validation.rules.webhook.workloadgroup;

import dev.meshdeck.core.validation.Rule;
import java.util.List;

/** Istio's admission webhook checks of a WorkloadGroup (ValidateWorkloadGroup, validateReadinessProbe). */
public final class WorkloadGroupWebhook {

    private WorkloadGroupWebhook() {
    }

    public static List<Rule> rules() {
        return List.of(new WorkloadGroupTemplate(), new WorkloadGroupLabels(), new ReadinessProbe());
    }
}
