package dev.meshdeck.core.validation.rules.webhook.policy;

import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.rules.webhook.authorizationpolicy.AuthzActionProvider;
import dev.meshdeck.core.validation.rules.webhook.authorizationpolicy.AuthzAddressesAndPorts;
import dev.meshdeck.core.validation.rules.webhook.authorizationpolicy.AuthzCustomUnsupportedMatch;
import dev.meshdeck.core.validation.rules.webhook.authorizationpolicy.AuthzDenyHttpOnly;
import dev.meshdeck.core.validation.rules.webhook.authorizationpolicy.AuthzEmptyMatch;
import dev.meshdeck.core.validation.rules.webhook.authorizationpolicy.AuthzEmptyValue;
import dev.meshdeck.core.validation.rules.webhook.authorizationpolicy.AuthzIdentityFormat;
import dev.meshdeck.core.validation.rules.webhook.authorizationpolicy.AuthzPathTemplate;
import dev.meshdeck.core.validation.rules.webhook.authorizationpolicy.AuthzServiceAccountsMixed;
import dev.meshdeck.core.validation.rules.webhook.peerauthentication.PeerAuthnPortLevelMtls;
import dev.meshdeck.core.validation.rules.webhook.requestauthentication.JwksInline;
import dev.meshdeck.core.validation.rules.webhook.requestauthentication.JwksPrivateKey;
import dev.meshdeck.core.validation.rules.webhook.requestauthentication.JwtClaimToHeaders;
import dev.meshdeck.core.validation.rules.webhook.requestauthentication.JwtRuleEmptyValues;
import dev.meshdeck.core.validation.rules.webhook.requestauthentication.JwtTimeout;
import dev.meshdeck.core.validation.rules.webhook.telemetry.TelemetryAccessLogFilter;
import dev.meshdeck.core.validation.rules.webhook.telemetry.TelemetryCustomTags;
import dev.meshdeck.core.validation.rules.webhook.telemetry.TelemetryProviderName;
import dev.meshdeck.core.validation.rules.webhook.telemetry.TelemetrySamplingPercentage;
import dev.meshdeck.core.validation.rules.webhook.telemetry.TelemetrySingleTracer;
import dev.meshdeck.core.validation.rules.webhook.telemetry.TelemetryTagOverrideName;
import dev.meshdeck.core.validation.rules.webhook.telemetry.TelemetryTagOverrides;
import java.util.List;

/**
 * Istio's webhook validation of the workload policies (MD0600-MD0659): AuthorizationPolicy, PeerAuthentication,
 * RequestAuthentication and Telemetry, and what they share (selector, targetRef, the dry-run annotation).
 * Checks the security rules already made (MD0220, MD0222, MD0224, MD0225) stay in {@code rules.security}.
 */
public final class PolicyWebhook {

    private PolicyWebhook() {
    }

    public static List<Rule> rules() {
        return List.of(
                new WorkloadSelectorLabels(),
                new WorkloadSelectorWithoutLabels(),
                new PolicyTargetRef(),
                new PolicyTargetChoice(),
                new DryRunAnnotation(),
                new AuthzActionProvider(),
                new AuthzCustomUnsupportedMatch(),
                new AuthzEmptyMatch(),
                new AuthzEmptyValue(),
                new AuthzServiceAccountsMixed(),
                new AuthzIdentityFormat(),
                new AuthzAddressesAndPorts(),
                new AuthzPathTemplate(),
                new AuthzDenyHttpOnly(),
                new JwtRuleEmptyValues(),
                new JwtClaimToHeaders(),
                new JwtTimeout(),
                new JwksInline(),
                new JwksPrivateKey(),
                new PeerAuthnPortLevelMtls(),
                new TelemetryProviderName(),
                new TelemetrySamplingPercentage(),
                new TelemetryCustomTags(),
                new TelemetrySingleTracer(),
                new TelemetryTagOverrides(),
                new TelemetryTagOverrideName(),
                new TelemetryAccessLogFilter());
    }
}
