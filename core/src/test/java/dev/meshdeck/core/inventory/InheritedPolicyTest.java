package dev.meshdeck.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.meshdeck.core.inventory.InheritedPolicy.Scoped;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InheritedPolicyTest {

    @Test
    void aDestinationRuleForTheHostOverridesTheNamespaceAndMeshWideOnes() {
        List<InheritedPolicy> inherited = InheritedPolicy.decide(List.of(
                new Scoped(PolicyKind.DESTINATION_RULE, "serverless/order-function", PolicyScope.FUNCTION),
                new Scoped(PolicyKind.DESTINATION_RULE, "serverless/default", PolicyScope.NAMESPACE),
                new Scoped(PolicyKind.DESTINATION_RULE, "istio-system/default", PolicyScope.MESH)));

        assertThat(inherited).containsExactly(
                new InheritedPolicy(PolicyKind.DESTINATION_RULE, "serverless/default", PolicyScope.NAMESPACE,
                        Optional.of("serverless/order-function")),
                new InheritedPolicy(PolicyKind.DESTINATION_RULE, "istio-system/default", PolicyScope.MESH,
                        Optional.of("serverless/order-function")));
    }

    @Test
    void withoutARuleOfItsOwnTheNamespaceWidePeerAuthenticationWinsOverTheMeshWide() {
        List<InheritedPolicy> inherited = InheritedPolicy.decide(List.of(
                new Scoped(PolicyKind.PEER_AUTHENTICATION, "payments/default", PolicyScope.NAMESPACE),
                new Scoped(PolicyKind.PEER_AUTHENTICATION, "istio-system/default", PolicyScope.MESH)));

        assertThat(inherited).extracting(InheritedPolicy::ref, InheritedPolicy::effective).containsExactly(
                tuple("payments/default", true),
                tuple("istio-system/default", false));
        assertThat(inherited.get(1).overriddenBy()).contains("payments/default");
    }

    @Test
    void authorizationPoliciesOfEveryScopeApplyTogether() {
        List<InheritedPolicy> inherited = InheritedPolicy.decide(List.of(
                new Scoped(PolicyKind.AUTHORIZATION_POLICY, "payments/payment-function-authz", PolicyScope.FUNCTION),
                new Scoped(PolicyKind.AUTHORIZATION_POLICY, "payments/deny-all", PolicyScope.NAMESPACE),
                new Scoped(PolicyKind.AUTHORIZATION_POLICY, "istio-system/deny-external", PolicyScope.MESH)));

        assertThat(inherited).extracting(InheritedPolicy::ref).containsExactly("payments/deny-all", "istio-system/deny-external");
        assertThat(inherited).allMatch(InheritedPolicy::effective);
    }

    @Test
    void kindsAreDecidedApart() {
        List<InheritedPolicy> inherited = InheritedPolicy.decide(List.of(
                new Scoped(PolicyKind.PEER_AUTHENTICATION, "serverless/strict", PolicyScope.FUNCTION),
                new Scoped(PolicyKind.DESTINATION_RULE, "serverless/default", PolicyScope.NAMESPACE)));

        assertThat(inherited).singleElement().satisfies(p -> assertThat(p.effective()).isTrue());
    }
}
