package dev.meshdeck.core.validation.rules.security;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.RuleAsserter;
import org.junit.jupiter.api.Test;

class AuthorizationPolicyRulesTest {

    @Test
    void sourceNamespacesMatchingNoNamespaceAreReportedWithIstiosWildcardAndCaseRules() {
        assertFindings(new AuthzNamespaceNotFound(), "security/authz-namespaces.yaml").containsExactly(
                "MD0350@AuthorizationPolicy payments/orders@spec.rules[0].from[0].source.namespaces[5]",
                "MD0350@AuthorizationPolicy payments/orders@spec.rules[0].from[0].source.namespaces[6]",
                "MD0350@AuthorizationPolicy payments/orders@spec.rules[0].from[1].source.notNamespaces[0]");
    }

    @Test
    void namespacesAreNotJudgedOfflineWithoutAnyNamespaceObject() {
        assertFindings(new AuthzNamespaceNotFound(), "security/authz-namespaces-offline.yaml").isEmpty();
    }

    @Test
    void selectorsMatchingNoInMeshPodAreReportedAndTheRootNamespaceLooksMeshWide() {
        assertFindings(new AuthzSelectorNoWorkload(), "security/authz-selector.yaml").containsExactly(
                "MD0351@AuthorizationPolicy serverless/typo@spec.selector",
                "MD0351@AuthorizationPolicy serverless/batch@spec.selector",
                "MD0351@AuthorizationPolicy empty/namespace-wide@metadata.namespace",
                "MD0351@AuthorizationPolicy istio-system/mesh-nothing@spec.selector");
    }

    @Test
    void principalsOfMissingServiceAccountsAreReportedOnlyWhereAccountsAreKnown() {
        assertFindings(new AuthzPrincipalNotFound(), "security/authz-principals.yaml").containsExactly(
                "MD0352@AuthorizationPolicy payments/payments@spec.rules[0].from[0].source.principals[2]",
                "MD0352@AuthorizationPolicy payments/payments@spec.rules[0].from[1].source.notPrincipals[0]");
    }

    @Test
    void identityMatchesUnderADisabledPeerAuthenticationAreReportedUnlessTheWorkloadIsStrict() {
        assertFindings(new AuthzNeedsMtls(), "security/authz-needs-mtls.yaml").containsExactly(
                "MD0354@AuthorizationPolicy legacy/identity-rules@spec.rules[0].from[0].source.principals",
                "MD0354@AuthorizationPolicy legacy/identity-rules@spec.rules[0].from[1].source.notNamespaces",
                "MD0354@AuthorizationPolicy legacy/identity-rules@spec.rules[0].when[0]");
    }

    @Test
    void methodsThatMatchNoHttpMethodAreReportedIncludingLowerCaseButNotEmptyOnes() {
        assertFindings(new AuthzInvalidMethod(), "security/authz-operations.yaml").containsExactly(
                "MD0221@AuthorizationPolicy serverless/api@spec.rules[0].to[0].operation.methods[4]",
                "MD0221@AuthorizationPolicy serverless/api@spec.rules[0].to[0].operation.methods[5]",
                "MD0221@AuthorizationPolicy serverless/api@spec.rules[0].to[0].operation.methods[6]",
                "MD0221@AuthorizationPolicy serverless/api@spec.rules[0].to[0].operation.notMethods[1]");
        assertThat(RuleAsserter.run(new AuthzInvalidMethod(), "security/authz-operations.yaml").get(0).message())
                .contains("write \"GET\"");
    }

    @Test
    void conditionKeysIstioRejectsAreReportedAndTrustDomainIsAccepted() {
        assertFindings(new AuthzUnknownConditionKey(), "security/authz-operations.yaml").containsExactly(
                "MD0222@AuthorizationPolicy serverless/api@spec.rules[0].when[2].key",
                "MD0222@AuthorizationPolicy serverless/api@spec.rules[0].when[3].key",
                "MD0222@AuthorizationPolicy serverless/api@spec.rules[0].when[4].key",
                "MD0222@AuthorizationPolicy serverless/api@spec.rules[0].when[5].key",
                "MD0222@AuthorizationPolicy serverless/api@spec.rules[0].when[6].key",
                "MD0222@AuthorizationPolicy serverless/api@spec.rules[0].when[9].key");
    }

    @Test
    void serverSidePoliciesOnPodsWithoutSidecarAreReported() {
        assertFindings(new PolicyWithoutSidecar(), "security/sidecar.yaml").containsExactly(
                "MD0359@AuthorizationPolicy serverless/order-function@spec.selector",
                "MD0359@RequestAuthentication batch/batch-jwt@metadata.namespace");
    }
}
