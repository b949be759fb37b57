package dev.meshdeck.core.validation.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.Rules;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigChecksTest {

    @Test
    void codesAreUniqueAndNotUsedByTheValidateCatalogue() {
        List<String> codes = ConfigChecks.rules().stream().map(r -> r.info().code()).toList();
        assertThat(codes).doesNotHaveDuplicates();
        assertThat(Rules.defaults().stream().map(Rule::info).map(i -> i.code())).doesNotContainAnyElementsOf(codes);
    }
}
