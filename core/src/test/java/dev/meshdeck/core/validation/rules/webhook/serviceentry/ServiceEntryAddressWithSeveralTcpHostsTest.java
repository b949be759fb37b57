package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ServiceEntryAddressWithSeveralTcpHostsTest {

    @Test
    void warnsWhenAnAddressAndATcpPortServeSeveralDnsHosts() {
        assertFindings(new ServiceEntryAddressWithSeveralTcpHosts(), "webhook/serviceentry/address-with-several-tcp-hosts.yaml").containsExactlyInAnyOrder(
                "MD0571@ServiceEntry payments/two-hosts-one-address@spec.hosts");
    }
}
