package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ConnectionPoolSettingsTest {

    @Test
    void reportsNegativeLimitsSubMillisecondDurationsAndEmptyPools() {
        assertFindings(new ConnectionPoolSettings(), "webhook/destinationrule/traffic-policies.yaml").containsExactlyInAnyOrder(
                "MD0507@DestinationRule shop/pools@spec.trafficPolicy.connectionPool.http.http1MaxPendingRequests",
                "MD0507@DestinationRule shop/pools@spec.trafficPolicy.connectionPool.http.maxRetries",
                "MD0507@DestinationRule shop/pools@spec.trafficPolicy.connectionPool.http.http2KeepAlive",
                "MD0507@DestinationRule shop/pools@spec.trafficPolicy.connectionPool.tcp.maxConnections",
                "MD0507@DestinationRule shop/pools@spec.trafficPolicy.connectionPool.tcp.connectTimeout",
                "MD0507@DestinationRule shop/pools@spec.trafficPolicy.connectionPool.tcp.tcpKeepalive.time",
                "MD0507@DestinationRule shop/pools@spec.subsets[0].trafficPolicy.connectionPool");
    }

    @Test
    void acceptsAWellFormedDestinationRule() {
        assertFindings(new ConnectionPoolSettings(), "webhook/destinationrule/rules.yaml").isEmpty();
    }
}
