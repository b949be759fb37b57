package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    @Test
    void refusesFaultsEnvoyCannotInject() {
        assertFindings(new FaultInjection(), "webhook/virtualservice/fault-injection.yaml").containsExactlyInAnyOrder(
                "MD0413@VirtualService shop/empty@spec.http[0].fault",
                "MD0413@VirtualService shop/bad-abort@spec.http[0].fault.abort.percentage.value",
                "MD0413@VirtualService shop/bad-abort@spec.http[0].fault.abort.httpStatus",
                "MD0413@VirtualService shop/grpc-and-http2@spec.http[0].fault.abort.grpcStatus",
                "MD0413@VirtualService shop/http2@spec.http[0].fault.abort.http2Error",
                "MD0413@VirtualService shop/bad-delay@spec.http[0].fault.delay.percentage.value",
                "MD0413@VirtualService shop/bad-delay@spec.http[0].fault.delay.fixedDelay",
                "MD0413@VirtualService shop/bad-delay@spec.http[0].fault.delay.exponentialDelay");
    }
}
