package dev.meshdeck.core.validation.rules.webhook.sidecar;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class SidecarEgressHostsTest {

    @Test
    void reportsHostsNotWrittenNamespaceSlashDnsName() {
        assertFindings(new SidecarEgressHosts(), "webhook/sidecar/egress-hosts.yaml").containsExactlyInAnyOrder(
                "MD0586@Sidecar payments/bad@spec.egress[0].hosts",
                "MD0586@Sidecar payments/bad@spec.egress[1].hosts[0]",
                "MD0586@Sidecar payments/bad@spec.egress[1].hosts[1]",
                "MD0586@Sidecar payments/bad@spec.egress[1].hosts[2]",
                "MD0586@Sidecar payments/bad@spec.egress[1].hosts[3]",
                "MD0586@Sidecar payments/bad@spec.egress[1].hosts[4]",
                "MD0586@Sidecar payments/bad@spec.egress[1].hosts[5]");
    }
}
