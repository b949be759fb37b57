package dev.meshdeck.core.validation.rules;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class ServiceEntryRulesTest {

    @Test
    void theSameHostAndPortInTwoVisibleServiceEntriesIsReportedOnBothWhateverTheCase() {
        assertFindings(new ServiceEntryDuplicateHostPort(), "serviceentries/entries.yaml").containsExactlyInAnyOrder(
                "MD0364@ServiceEntry bookinfo/wikipedia@spec.ports[0]",
                "MD0364@ServiceEntry bookinfo2/wikipedia-copy@spec.ports[0]");
    }

    @Test
    void oneHostAndPortWithTwoProtocolsIsReportedOnBoth() {
        assertFindings(new ServiceEntryProtocolConflict(), "serviceentries/entries.yaml").containsExactlyInAnyOrder(
                "MD0365@ServiceEntry bookinfo/wikipedia@spec.ports[1]",
                "MD0365@ServiceEntry bookinfo/wikipedia-http@spec.ports[0]");
    }

    @Test
    void exportToANamespaceThatDoesNotExistIsReportedForEachKind() {
        assertFindings(new ExportToNamespaceNotFound(), "serviceentries/entries.yaml").containsExactlyInAnyOrder(
                "MD0366@ServiceEntry bookinfo/wikipedia-http@spec.exportTo[2]",
                "MD0366@VirtualService bookinfo/reviews@spec.exportTo[3]",
                "MD0366@DestinationRule bookinfo/reviews@spec.exportTo[0]");
    }

    @Test
    void exportToIsNotJudgedOfflineWithoutNamespaceObjects() {
        assertFindings(new ExportToNamespaceNotFound(), "serviceentries/offline.yaml").isEmpty();
    }
}
