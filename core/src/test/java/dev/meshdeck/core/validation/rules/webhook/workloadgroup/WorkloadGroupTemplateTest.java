package dev.meshdeck.core.validation.rules.webhook.workloadgroup;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class WorkloadGroupTemplateTest {

    @Test
    void reportsAGroupWithoutTemplate() {
        assertFindings(new WorkloadGroupTemplate(), "webhook/workloadgroup/groups.yaml").containsExactlyInAnyOrder(
                "MD0550@WorkloadGroup shop/no-template@spec");
    }
}
