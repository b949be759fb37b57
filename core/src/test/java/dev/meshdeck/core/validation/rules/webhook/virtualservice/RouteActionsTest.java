package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class RouteActionsTest {

    @Test
    void refusesRoutesThatCombineExclusiveActionsOrHaveNone() {
        assertFindings(new RouteActions(), "webhook/virtualservice/route-actions.yaml").containsExactlyInAnyOrder(
                "MD0403@VirtualService shop/redirect-with-fault-and-rewrite@spec.http[0].fault",
                "MD0403@VirtualService shop/redirect-with-fault-and-rewrite@spec.http[0].rewrite",
                "MD0403@VirtualService shop/route-and-redirect@spec.http[0].route",
                "MD0403@VirtualService shop/direct-response-with-route@spec.http[0].route",
                "MD0403@VirtualService shop/redirect-and-direct-response@spec.http[0].directResponse",
                "MD0403@VirtualService shop/nothing@spec.http[0]",
                "MD0403@VirtualService shop/mirror-and-mirrors@spec.http[0].mirrors");
    }
}
