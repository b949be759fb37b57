package dev.meshdeck.core.validation.rules.webhook.workloadentry;

import dev.meshdeck.core.validation.Rule;
import java.util.List;

/** Istio's admission webhook checks of a WorkloadEntry (ValidateWorkloadEntry). */
public final class WorkloadEntryWebhook {

    private WorkloadEntryWebhook() {
    }

    public static List<Rule> rules() {
        return List.of(new WorkloadEntryAddress(), new AddressUnsetWithNetwork(), new WorkloadEntryPorts(),
                new WorkloadEntryLabels());
    }
}
