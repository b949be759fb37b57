package dev.meshdeck.core.validation.rules.webhook.sidecar;

import dev.meshdeck.core.validation.Rule;
import java.util.List;

/** The checks Istio's admission webhook applies to a Sidecar (istio/istio ValidateSidecar). */
public final class SidecarWebhook {

    private SidecarWebhook() {
    }

    public static List<Rule> rules() {
        return List.of(
                new SidecarEmpty(),
                new SidecarWorkloadSelector(),
                new SidecarSelectorWithoutLabels(),
                new SidecarIngressListeners(),
                new SidecarIngressTls(),
                new SidecarEgressListeners(),
                new SidecarEgressHosts(),
                new SidecarDuplicateEgressHosts(),
                new SidecarEgressProxy(),
                new SidecarConnectionPool(),
                new SidecarHttpPoolOnTcpPort());
    }
}
