package dev.meshdeck.connectors.kube;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceRefTest {

    @Test
    void istioHostFormsReferToTheSameService() {
        ServiceRef expected = new ServiceRef("serverless", "order-function");

        assertThat(ServiceRef.resolve("order-function", "serverless")).isEqualTo(expected);
        assertThat(ServiceRef.resolve("order-function.serverless", "frontend")).isEqualTo(expected);
        assertThat(ServiceRef.resolve("order-function.serverless.svc", "frontend")).isEqualTo(expected);
        assertThat(ServiceRef.resolve("order-function.serverless.svc.cluster.local", "frontend")).isEqualTo(expected);
    }

    @Test
    void externalAndWildcardHostsReferToNoService() {
        assertThat(ServiceRef.resolve("*.meshdeck.example", "istio-system")).isNull();
        assertThat(ServiceRef.resolve("api.payments.example.com", "payments")).isNull();
    }
}
