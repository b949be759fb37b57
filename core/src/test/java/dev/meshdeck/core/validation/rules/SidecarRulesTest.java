package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class SidecarRulesTest {

    @Test
    void egressHostsThatImportNothingAreReportedButNamespaceImportsAndKnownHostsAreNot() {
        assertFindings(new SidecarEgressHostNotFound(), "sidecars/sidecars.yaml").containsExactlyInAnyOrder(
                "MD0363@Sidecar bookinfo/reviews@spec.egress[0].hosts[1]",
                "MD0363@Sidecar bookinfo/reviews@spec.egress[0].hosts[2]");
    }

    @Test
    void aWorkloadSelectorMatchingNoPodTemplateOfItsNamespaceIsReported() {
        assertFindings(new SidecarSelectorNoWorkload(), "sidecars/sidecars.yaml").containsExactlyInAnyOrder(
                "MD0360@Sidecar bookinfo/ratings@spec.workloadSelector.labels",
                "MD0360@Sidecar istio-system/global-with-selector@spec.workloadSelector.labels");
    }

    @Test
    void twoNamespaceWideSidecarsInOneNamespaceAreBothReported() {
        assertFindings(new SidecarDuplicateSelectorless(), "sidecars/sidecars.yaml").containsExactlyInAnyOrder(
                "MD0361@Sidecar bookinfo/default@metadata.name",
                "MD0361@Sidecar bookinfo/second-default@metadata.name");
    }

    @Test
    void sidecarsSelectingTheSameWorkloadAreBothReported() {
        assertFindings(new SidecarSelectorsOverlap(), "sidecars/sidecars.yaml").containsExactlyInAnyOrder(
                "MD0362@Sidecar bookinfo/reviews@spec.workloadSelector.labels",
                "MD0362@Sidecar bookinfo/reviews-v1@spec.workloadSelector.labels");
    }

    @Test
    void aRootNamespaceSidecarWithASelectorIsNotTheMeshDefault() {
        assertFindings(new SidecarSelectorInRootNamespace(), "sidecars/sidecars.yaml").containsExactly(
                "MD0250@Sidecar istio-system/global-with-selector@spec.workloadSelector.labels");
    }
}
