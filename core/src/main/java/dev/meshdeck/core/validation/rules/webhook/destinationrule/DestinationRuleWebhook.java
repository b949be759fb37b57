package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import dev.meshdeck.core.validation.Rule;
import java.util.List;

/** Istio's admission webhook checks of a DestinationRule (ValidateDestinationRule and the agent's ValidateTLS). */
public final class DestinationRuleWebhook {

    private DestinationRuleWebhook() {
    }

    public static List<Rule> rules() {
        return List.of(
                new DestinationRuleHost(),
                new SubsetDefinition(),
                new DuplicateSubsetName(),
                new WorkloadSelectorLabels(),
                new WorkloadSelectorWithoutLabels(),
                new EmptyTrafficPolicy(),
                new TunnelSettings(),
                new ConnectionPoolSettings(),
                new UpgradeWithClientProtocol(),
                new OutlierDetectionValues(),
                new DeprecatedConsecutiveErrors(),
                new LocalOriginFailuresWithoutSplit(),
                new ConsistentHash(),
                new DeprecatedMinimumRingSize(),
                new Warmup(),
                new LocalityLoadBalancing(),
                new ZoneAwareLoadBalancing(),
                new FailoverWithoutOutlierDetection(),
                new ClientTlsCredentials(),
                new InsecureSkipVerifyWithVerification());
    }
}
