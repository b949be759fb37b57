package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.Rules;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.ValidationInput;
import dev.meshdeck.core.validation.Validator;
import dev.meshdeck.sandbox.kube.Estate;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sandbox is what newcomers see first: its estate must pass MeshDeck's own validator. */
class SandboxEstateIsValidTest {

    @Test
    void defaultEstateHasNoErrorsOrWarnings() throws Exception {
        ValidationInput input = new ValidationInput();
        for (String file : Estate.DEFAULT_FILES) {
            try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.RESOURCE_FOLDER + file)) {
                assertThat(in).as(file).isNotNull();
                input.addText(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        List<Finding> findings = new Validator(Rules.defaults()).validate(new ValidationContext(input.resources(), false));

        assertThat(input.syntaxFindings()).isEmpty();
        assertThat(input.resources()).hasSizeGreaterThan(100);
        assertThat(findings).filteredOn(f -> f.severity() != Severity.INFO)
                .extracting(Finding::toCompilerLine).isEmpty();
    }
}
