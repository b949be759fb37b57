package dev.meshdeck.core.validation.rules.security;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.RuleAsserter;
import org.junit.jupiter.api.Test;

class AuthenticationRulesTest {

    @Test
    void peerAndRequestAuthenticationSelectorsMatchingNoPodAreReported() {
        assertFindings(new AuthnSelectorNoWorkload(), "security/authn-selector.yaml").containsExactly(
                "MD0353@PeerAuthentication serverless/typo@spec.selector.matchLabels",
                "MD0353@RequestAuthentication serverless/jwt@spec.selector.matchLabels");
    }

    @Test
    void aDeploymentsPodTemplateLabelsAreItsWorkloadsLabels() {
        assertFindings(new AuthnSelectorNoWorkload(), "security/deployment-selectors.yaml").containsExactly(
                "MD0353@RequestAuthentication shop/cart-typo@spec.selector.matchLabels");
    }

    @Test
    void plaintextDestinationRulesTowardsStrictWorkloadsAreReportedOnBothSides() {
        assertFindings(new DestinationRuleDisablesStrictMtls(), "security/mtls-conflicts.yaml").containsExactly(
                "MD0355@PeerAuthentication istio-system/default@spec.mtls.mode",
                "MD0355@PeerAuthentication istio-system/default@spec.mtls.mode",
                "MD0355@DestinationRule istio-system/mesh-plaintext@spec.trafficPolicy.tls.mode",
                "MD0355@DestinationRule serverless/ns-plaintext@spec.trafficPolicy.tls.mode");
        assertThat(RuleAsserter.run(new DestinationRuleDisablesStrictMtls(), "security/mtls-conflicts.yaml").stream()
                .filter(f -> f.resource().kind().equals("DestinationRule"))
                .map(f -> f.kialiCode().orElse(""))).containsExactly("KIA0208", "KIA0207");
    }

    @Test
    void mutualTlsTowardsDisabledWorkloadsIsReportedOnBothSides() {
        assertFindings(new DestinationRuleMtlsToDisabledPeer(), "security/mtls-conflicts.yaml").containsExactly(
                "MD0356@PeerAuthentication legacy/plaintext@spec.mtls.mode",
                "MD0356@PeerAuthentication legacy/plaintext@spec.mtls.mode",
                "MD0356@DestinationRule legacy/legacy-mtls@spec.trafficPolicy.tls.mode",
                "MD0356@DestinationRule legacy/legacy-ns-mtls@spec.trafficPolicy.tls.mode");
    }

    @Test
    void severalSelectorlessPeerAuthenticationsInOneNamespaceAreReported() {
        assertFindings(new PeerAuthnDuplicateSelectorless(), "security/peerauthn.yaml").containsExactly(
                "MD0357@PeerAuthentication istio-system/default@metadata.name",
                "MD0357@PeerAuthentication istio-system/mesh-permissive@metadata.name");
    }

    @Test
    void portLevelMtlsWithoutWorkloadSelectorIsReported() {
        assertFindings(new PeerAuthnPortLevelWithoutSelector(), "security/peerauthn.yaml").containsExactly(
                "MD0220@PeerAuthentication serverless/default@spec.portLevelMtls",
                "MD0220@PeerAuthentication web/empty-selector@spec.portLevelMtls");
    }

    @Test
    void jwtRulesAreCheckedAsIstioValidatesThemPlusKeyFetchingRisks() {
        assertFindings(new JwtIssuerMissing(), "security/jwt-rules.yaml")
                .containsExactly("MD0224@RequestAuthentication serverless/jwt@spec.jwtRules[1]");
        assertFindings(new JwksUriPlaintext(), "security/jwt-rules.yaml")
                .containsExactly("MD0226@RequestAuthentication serverless/jwt@spec.jwtRules[2].jwksUri");
        assertFindings(new JwksUriInvalid(), "security/jwt-rules.yaml")
                .containsExactly("MD0225@RequestAuthentication serverless/jwt@spec.jwtRules[3].jwksUri");
        assertFindings(new JwksAndJwksUri(), "security/jwt-rules.yaml")
                .containsExactly("MD0227@RequestAuthentication serverless/jwt@spec.jwtRules[4].jwksUri");
        Finding ftp = RuleAsserter.run(new JwksUriInvalid(), "security/jwt-rules.yaml").get(0);
        assertThat(ftp.message()).startsWith("URI scheme \"ftp\" is not supported");
    }
}
