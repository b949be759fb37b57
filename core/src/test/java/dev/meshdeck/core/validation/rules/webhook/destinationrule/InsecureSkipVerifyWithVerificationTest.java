package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.RuleAsserter;

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

    @Test
    void namesWhatAsksForTheVerificationItSwitchesOff() {
        assertThat(RuleAsserter.run(new InsecureSkipVerifyWithVerification(), "webhook/destinationrule/client-tls.yaml"))
                .extracting(Finding::message).containsExactlyInAnyOrder(
                        "insecureSkipVerify: true switches off the server certificate verification that caCertificates "
                                + "ask for: remove insecureSkipVerify, or remove caCertificates",
                        "insecureSkipVerify: true switches off the server certificate verification that subjectAltNames "
                                + "ask for: remove insecureSkipVerify, or remove subjectAltNames");
    }
}
