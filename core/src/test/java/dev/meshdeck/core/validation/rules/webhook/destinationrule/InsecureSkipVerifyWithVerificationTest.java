package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class InsecureSkipVerifyWithVerificationTest {

    @Test
    void reportsSkipVerifyNextToACaOrSubjectAltNames() {
        assertFindings(new InsecureSkipVerifyWithVerification(), "webhook/destinationrule/client-tls.yaml").containsExactlyInAnyOrder(
                "MD0517@DestinationRule shop/skip-verify-with-ca@spec.trafficPolicy.tls.insecureSkipVerify",
                "MD0517@DestinationRule shop/skip-verify-with-ca@spec.subsets[1].trafficPolicy.tls.insecureSkipVerify");
    }

    @Test
    void acceptsAWellFormedDestinationRule() {
        assertFindings(new InsecureSkipVerifyWithVerification(), "webhook/destinationrule/rules.yaml").isEmpty();
    }
}
