package dev.meshdeck.core.validation.rules.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.RuleAsserter;
import dev.meshdeck.core.validation.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue #18's acceptance: validate on the seed's ServiceMonitor and PrometheusRule, offline, all rules. */
class SeedMonitoringTest {

    @Test
    void theSeedsRegexAndUnreachableNamespaceAreReportedAndTheKindsAreKnown() {
        List<String> lines = RuleAsserter.runAll(Rules.defaults(), "monitoring/seed.yaml").stream()
                .filter(f -> !f.code().equals("MD0005")) // no offline schema for these CRDs: fields checked by MD08xx
                .map(Finding::toCompilerLine).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("monitoring/seed.yaml:9:1: warning MD0807 ServiceMonitor monitoring/serverless-functions:");
        assertThat(lines.get(1)).startsWith("monitoring/seed.yaml:30:84: error MD0802 PrometheusRule monitoring/serverless-functions:"
                + " regex of destination_service=~\"*.serverless.svc.cluster.local\"");
    }
}
