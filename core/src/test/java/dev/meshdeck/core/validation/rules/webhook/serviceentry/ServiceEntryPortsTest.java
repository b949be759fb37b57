package dev.meshdeck.core.validation.rules.webhook.serviceentry;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.RuleAsserter;
import dev.meshdeck.core.validation.Rules;
import org.junit.jupiter.api.Test;

class ServiceEntryPortsTest {

    @Test
    void reportsNullUnnamedDuplicatedAndOutOfRangePorts() {
        assertFindings(new ServiceEntryPorts(), "webhook/serviceentry/ports.yaml").containsExactlyInAnyOrder(
                "MD0563@ServiceEntry payments/bad@spec.ports[0]",
                "MD0563@ServiceEntry payments/bad@spec.ports[2].name",
                "MD0563@ServiceEntry payments/bad@spec.ports[2].number",
                "MD0563@ServiceEntry payments/bad@spec.ports[3].name",
                "MD0563@ServiceEntry payments/bad@spec.ports[3].protocol",
                "MD0563@ServiceEntry payments/bad@spec.ports[3].number",
                "MD0563@ServiceEntry payments/bad@spec.ports[3].targetPort",
                "MD0563@ServiceEntry payments/bad@spec.ports[4].name");
    }

    @Test
    void anOutOfRangePortIsReportedOnceOfflineByTheWebhookRule() {
        assertThat(RuleAsserter.runAll(Rules.defaults(), "webhook/serviceentry/port-out-of-range.yaml"))
                .extracting(f -> f.code() + "@" + f.path())
                .containsExactly("MD0563@spec.ports[0].number");
    }
}
