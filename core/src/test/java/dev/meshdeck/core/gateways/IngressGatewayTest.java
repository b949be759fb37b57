package dev.meshdeck.core.gateways;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IngressGatewayTest {

    @Test
    void aVirtualServiceNamesItsGatewayByNamespaceAndNameByBareNameOrByLegacyHost() {
        assertThat(IngressGateway.referenced("istio-system/public-gateway", "serverless")).contains("istio-system/public-gateway");
        assertThat(IngressGateway.referenced("shop-gateway", "serverless")).contains("serverless/shop-gateway");
        assertThat(IngressGateway.referenced("public-gateway.istio-system.svc.cluster.local", "serverless"))
                .contains("istio-system/public-gateway");
    }

    @Test
    void theReservedMeshGatewayIsNoGatewayObject() {
        assertThat(IngressGateway.referenced("mesh", "serverless")).isEmpty();
    }
}
