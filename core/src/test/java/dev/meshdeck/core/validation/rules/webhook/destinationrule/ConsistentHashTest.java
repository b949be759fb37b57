package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ConsistentHashTest {

    @Test
    void reportsCookiesWithoutNamesDuplicateAttributesAndBadMaglevTables() {
        assertFindings(new ConsistentHash(), "webhook/destinationrule/load-balancers.yaml").containsExactlyInAnyOrder(
                "MD0511@DestinationRule shop/hashes@spec.trafficPolicy.loadBalancer.consistentHash.httpCookie",
                "MD0511@DestinationRule shop/hashes@spec.trafficPolicy.loadBalancer.consistentHash.httpCookie.attributes[1].name",
                "MD0511@DestinationRule shop/hashes@spec.trafficPolicy.loadBalancer.consistentHash.httpCookie.attributes[2]",
                "MD0511@DestinationRule shop/hashes@spec.trafficPolicy.loadBalancer.consistentHash.minimumRingSize",
                "MD0511@DestinationRule shop/hashes@spec.subsets[0].trafficPolicy.loadBalancer.consistentHash.maglev.tableSize");
    }

    @Test
    void acceptsAWellFormedDestinationRule() {
        assertFindings(new ConsistentHash(), "webhook/destinationrule/rules.yaml").isEmpty();
    }
}
