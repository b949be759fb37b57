package dev.meshdeck.core.validation.rules.webhook.gateway;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class HttpsRedirectOnNonHttpTest {

    @Test
    void warnsAboutARedirectOnATlsPort() {
        assertFindings(new HttpsRedirectOnNonHttp(), "webhook/gateway/servers.yaml").containsExactlyInAnyOrder(
                "MD0537@Gateway shop/tls-protocols@spec.servers[5].tls.httpsRedirect");
    }

    @Test
    void acceptsAWellFormedGateway() {
        assertFindings(new HttpsRedirectOnNonHttp(), "webhook/gateway/rules.yaml").isEmpty();
    }
}
