package dev.meshdeck.core.validation.rules.monitoring;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class MonitorWithoutNamespaceSelectorTest {

    @Test
    void theSeedsServiceMonitorInMonitoringIsWarnedWhileTheServicesAreUnknown() {
        assertFindings(new MonitorWithoutNamespaceSelector(), "monitoring/seed.yaml")
                .containsExactly("MD0807@ServiceMonitor monitoring/serverless-functions@spec");
    }

    @Test
    void withTheServicesKnownMd0806JudgesInstead() {
        assertFindings(new MonitorWithoutNamespaceSelector(), "monitoring/monitors.yaml").isEmpty();
    }
}
