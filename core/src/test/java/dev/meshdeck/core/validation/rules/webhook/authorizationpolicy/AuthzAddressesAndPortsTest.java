package dev.meshdeck.core.validation.rules.webhook.authorizationpolicy;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class AuthzAddressesAndPortsTest {

    @Test
    void addressesAndPortsAreJudgedInSourcesOperationsAndConditions() {
        assertFindings(new AuthzAddressesAndPorts(), "webhook/authorizationpolicy/addresses-and-ports.yaml").containsExactly(
                "MD0616@AuthorizationPolicy serverless/addresses@spec.rules[0].from[0].source.ipBlocks[3]",
                "MD0616@AuthorizationPolicy serverless/addresses@spec.rules[0].from[0].source.notRemoteIpBlocks[0]",
                "MD0616@AuthorizationPolicy serverless/addresses@spec.rules[0].to[0].operation.ports[2]",
                "MD0616@AuthorizationPolicy serverless/addresses@spec.rules[0].to[0].operation.ports[3]",
                "MD0616@AuthorizationPolicy serverless/addresses@spec.rules[0].when[0].values[0]",
                "MD0616@AuthorizationPolicy serverless/addresses@spec.rules[0].when[1].notValues[0]");
    }
}
