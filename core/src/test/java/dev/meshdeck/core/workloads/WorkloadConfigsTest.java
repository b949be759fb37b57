package dev.meshdeck.core.workloads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.ValidationInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A workload's env resolved against its ConfigMaps and Secrets, with no Secret value in the model. */
class WorkloadConfigsTest {

    private static FunctionConfig read() throws IOException {
        try (InputStream in = WorkloadConfigsTest.class.getResourceAsStream("/validation/config/env.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return WorkloadConfigs.read(new ValidationInput().addText("env.yaml", yaml).resources());
        }
    }

    private static EnvValue env(ContainerConfig c, String name) {
        return c.env().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().value();
    }

    @Test
    void eachVariableSaysWhereItsValueComesFrom() throws IOException {
        FunctionConfig config = read();
        ContainerConfig app = config.workloads().get(0).containers().get(1);

        assertThat(app.name()).isEqualTo("app");
        assertThat(env(app, "CURRENCY")).isEqualTo(new EnvValue.ConfigMapKey("checkout-settings", "CURRENCY", false, Optional.of("EUR")));
        assertThat(env(app, "REGION").missing()).isTrue();
        assertThat(env(app, "NS")).isEqualTo(new EnvValue.FieldRef("metadata.namespace"));
        assertThat(env(app, "MEM")).isEqualTo(new EnvValue.ResourceFieldRef("", "limits.memory", Optional.of("512Mi")));
        assertThat(app.envFrom().get(0).values()).containsEntry("CURRENCY", "EUR").containsEntry("LOG_LEVEL", "info");
        assertThat(app.envFrom().get(1).exists()).isFalse();
        assertThat(app.mounts()).extracting(ConfigMount::mountPath, ConfigMount::exists)
                .containsExactly(org.assertj.core.api.Assertions.tuple("/etc/certs", true),
                        org.assertj.core.api.Assertions.tuple("/etc/templates", false));
        assertThat(app.limits()).isEqualTo(Map.of("memory", "512Mi"));
    }

    @Test
    void aSecretKeyIsMaskedAndItsValueIsNowhereInTheModel() throws IOException {
        FunctionConfig config = read();
        ContainerConfig app = config.workloads().get(0).containers().get(1);

        assertThat(env(app, "DB_PASSWORD")).isEqualTo(new EnvValue.SecretKey("checkout-db", "password", false, true));
        assertThat(env(app, "DB_PASSWORD").shown()).contains(EnvValue.MASK);
        assertThat(config.toString()).doesNotContain("correct-horse-battery-staple");
    }

    @Test
    void aCredentialKeptInAConfigMapIsMaskedLikeASecret() throws IOException {
        FunctionConfig config = read();
        EnvSource settings = config.workloads().get(0).containers().get(1).envFrom().get(0);

        assertThat(settings.values()).containsEntry("STRIPE_API_KEY", EnvValue.MASK).containsEntry("dbPassword", EnvValue.MASK)
                .containsEntry("COMPASS_URL", "http://compass");
        assertThat(config.toString()).doesNotContain("sk_test_123", "hunter2");
        assertThat(config.findings()).extracting(f -> f.code()).contains("MD0705");
    }
}
