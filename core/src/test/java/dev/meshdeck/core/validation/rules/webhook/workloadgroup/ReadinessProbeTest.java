package dev.meshdeck.core.validation.rules.webhook.workloadgroup;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ReadinessProbeTest {

    @Test
    void reportsNegativeTimingsBadPortsSchemesHeadersAndMissingMethods() {
        assertFindings(new ReadinessProbe(), "webhook/workloadgroup/groups.yaml").containsExactlyInAnyOrder(
                "MD0552@WorkloadGroup shop/probes@spec.probe.timeoutSeconds",
                "MD0552@WorkloadGroup shop/probes@spec.probe.httpGet.port",
                "MD0552@WorkloadGroup shop/probes@spec.probe.httpGet.scheme",
                "MD0552@WorkloadGroup shop/probes@spec.probe.httpGet.httpHeaders[0]",
                "MD0552@WorkloadGroup shop/probes@spec.probe.httpGet.httpHeaders[1]",
                "MD0552@WorkloadGroup shop/no-method@spec.probe",
                "MD0552@WorkloadGroup shop/tcp-and-exec@spec.probe.tcpSocket.port",
                "MD0552@WorkloadGroup shop/exec-without-command@spec.probe.exec");
    }
}
