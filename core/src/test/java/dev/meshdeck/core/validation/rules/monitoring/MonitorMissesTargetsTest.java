package dev.meshdeck.core.validation.rules.monitoring;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.RuleAsserter;
import org.junit.jupiter.api.Test;

class MonitorMissesTargetsTest {

    private static final String FIXTURE = "monitoring/monitors.yaml";

    @Test
    void monitorsWhoseTargetsAreOutsideTheirNamespacesOrThatSelectNothingAreErrors() {
        assertFindings(new MonitorMissesTargets(), FIXTURE).containsExactly(
                "MD0806@ServiceMonitor monitoring/in-monitoring@metadata.namespace",
                "MD0806@ServiceMonitor monitoring/wrong-names@spec.namespaceSelector",
                "MD0806@ServiceMonitor serverless/selects-nothing@spec.selector");
    }

    @Test
    void theMessageNamesTheNamespaceToAdd() {
        assertThat(RuleAsserter.run(new MonitorMissesTargets(), FIXTURE).get(0).message())
                .contains("are in serverless, but it only looks in monitoring (no namespaceSelector)",
                        "namespaceSelector.matchNames: [serverless]");
    }

    @Test
    void withoutTheServicesKnownNothingIsJudged() {
        assertFindings(new MonitorMissesTargets(), "monitoring/seed.yaml").isEmpty();
    }
}
