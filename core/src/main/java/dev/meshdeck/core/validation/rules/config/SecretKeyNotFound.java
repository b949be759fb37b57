package dev.meshdeck.core.validation.rules.config;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.workloads.ConfigKind;

/** A pod template reads a key (secretKeyRef, a secret volume item) that the existing Secret does not have and the reference is not optional: the pods cannot start. Only key names are compared, never values. */
public final class SecretKeyNotFound implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0704", Severity.ERROR, Category.REFERENCE,
            "Secret key read by env or a volume does not exist");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        ConfigReferences.reportMissing(context, findings, INFO, ConfigKind.SECRET, true);
    }
}
