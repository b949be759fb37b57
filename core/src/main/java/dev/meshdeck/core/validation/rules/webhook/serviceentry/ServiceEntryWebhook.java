package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import dev.meshdeck.core.validation.Rule;
import java.util.List;

/** The checks Istio's admission webhook applies to a ServiceEntry (istio/istio ValidateServiceEntry). */
public final class ServiceEntryWebhook {

    private ServiceEntryWebhook() {
    }

    public static List<Rule> rules() {
        return List.of(
                new ServiceEntryHosts(),
                new ServiceEntryPartialWildcardHost(),
                new ServiceEntryAddresses(),
                new ServiceEntryPorts(),
                new ServiceEntryTcpPortWithoutAddress(),
                new ServiceEntryWorkloadSelector(),
                new ServiceEntrySelectorIgnored(),
                new ServiceEntryResolutionMismatch(),
                new ServiceEntryDynamicDns(),
                new ServiceEntryEndpoints(),
                new ServiceEntryEndpointWithoutAddress(),
                new ServiceEntryAddressWithSeveralTcpHosts());
    }
}
