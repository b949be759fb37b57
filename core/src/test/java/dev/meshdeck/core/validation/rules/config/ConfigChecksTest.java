package dev.meshdeck.core.validation.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.Rules;
import org.junit.jupiter.api.Test;

class ConfigChecksTest {

    /** validate, validate --context and the apply gate all run the catalogue: the config checks are part of it. */
    @Test
    void validateAndTheGateRunTheConfigChecks() {
        assertThat(Rules.defaults().stream().map(r -> r.info().code()))
                .containsAll(ConfigChecks.rules().stream().map(r -> r.info().code()).toList());
    }
}
