package dev.meshdeck.core.validation.rules.config;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.workloads.ConfigKind;

/** A pod template reads a ConfigMap (configMapKeyRef, envFrom configMapRef, a configMap volume) that does not exist and is not optional: its pods stay in CreateContainerConfigError or ContainerCreating. */
public final class ConfigMapNotFound implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0701", Severity.ERROR, Category.REFERENCE,
            "ConfigMap named by env, envFrom or a volume does not exist");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        ConfigReferences.reportMissing(context, findings, INFO, ConfigKind.CONFIG_MAP, false);
    }
}
