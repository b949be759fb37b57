package dev.meshdeck.core.validation.rules.config;

import dev.meshdeck.core.validation.Rule;
import java.util.List;

/**
 * The checks of a function's configuration (env, envFrom, ConfigMap and Secret volumes), run by {@code meshdeck
 * config} over the function's workloads and the ConfigMaps and Secrets of their namespace.
 */
public final class ConfigChecks {

    private ConfigChecks() {
    }

    public static List<Rule> rules() {
        return List.of(new ConfigMapNotFound(), new ConfigMapKeyNotFound(), new SecretNotFound(), new SecretKeyNotFound(),
                new CredentialInConfigMap(), new DownwardFieldNotFound());
    }
}
