package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class LargeDirectResponseTest {

    @Test
    void warnsAboutBodiesOver100KilobytesUpTo1Megabyte() {
        assertFindings(new LargeDirectResponse(), "webhook/virtualservice/large-direct-response.yaml").containsExactlyInAnyOrder(
                "MD0419@VirtualService shop/large@spec.http[0].directResponse.body");
    }
}
