package dev.meshdeck.core.validation.rules.webhook.sidecar;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class SidecarDuplicateEgressHostsTest {

    @Test
    void warnsAboutHostsAnotherHostOfTheListenerAlreadyImports() {
        assertFindings(new SidecarDuplicateEgressHosts(), "webhook/sidecar/duplicate-egress-hosts.yaml").containsExactlyInAnyOrder(
                "MD0587@Sidecar payments/covered@spec.egress[0].hosts[1]",
                "MD0587@Sidecar payments/covered@spec.egress[0].hosts[3]",
                "MD0587@Sidecar payments/covered@spec.egress[0].hosts[4]",
                "MD0587@Sidecar payments/covered@spec.egress[1].hosts");
    }
}
