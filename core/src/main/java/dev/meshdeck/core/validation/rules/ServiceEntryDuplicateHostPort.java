package dev.meshdeck.core.validation.rules;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * Several ServiceEntries, visible from a common namespace, declare the same host and port with the same protocol:
 * Istio keeps one of them per host, so the endpoints, resolution or location of the others are ignored (Kiali's
 * multi-match check, KIA1211). Different protocols are {@link ServiceEntryProtocolConflict}.
 */
public final class ServiceEntryDuplicateHostPort implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0364", Severity.WARNING, Category.REFERENCE,
            "several ServiceEntries declare the same host and port").kiali("KIA1211");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        ServiceEntryPorts.of(context).forEachShared((d, others) -> {
            if (others.stream().allMatch(o -> o.protocol().equals(d.protocol()))) {
                findings.report(INFO, d.entry(), d.pointer(), "ServiceEntries " + ServiceEntryPorts.names(others)
                        + " declare this host and port too; Istio uses only one of them, so the others' endpoints and "
                        + "settings are ignored. Keep one ServiceEntry per host and port");
            }
        });
    }
}
