package dev.meshdeck.core.validation.rules;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * ServiceEntries, visible from a common namespace, declare the same host and port with different protocols: the
 * listener gets only one of them, so traffic of the other protocol is mishandled (Kiali, KIA1212).
 */
public final class ServiceEntryProtocolConflict implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0365", Severity.WARNING, Category.REFERENCE,
            "ServiceEntries declare one host and port with different protocols").kiali("KIA1212");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        ServiceEntryPorts.of(context).forEachShared((d, others) -> {
            if (others.stream().anyMatch(o -> !o.protocol().equals(d.protocol()))) {
                findings.report(INFO, d.entry(), d.pointer(), "ServiceEntries " + ServiceEntryPorts.names(others)
                        + " declare this host and port with another protocol than " + (d.protocol().isEmpty() ? "none" : d.protocol())
                        + "; the proxy's listener takes one, so the other protocol's traffic is mishandled. Use one protocol");
            }
        });
    }
}
