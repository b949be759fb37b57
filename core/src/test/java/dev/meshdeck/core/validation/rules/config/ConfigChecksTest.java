package dev.meshdeck.core.validation.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.Rules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigChecksTest {

    @Test
    void docsListExactlyTheseChecks() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "validation-codes.md"), StandardCharsets.UTF_8);
        String begin = "<!-- config-codes:begin -->\n";
        String table = doc.substring(doc.indexOf(begin) + begin.length(), doc.indexOf("<!-- config-codes:end -->"));

        assertThat(table).isEqualTo(Rules.markdownTable(ConfigChecks.rules().stream().map(Rule::info).toList()));
    }

    @Test
    void codesAreUniqueAndNotUsedByTheValidateCatalogue() {
        List<String> codes = ConfigChecks.rules().stream().map(r -> r.info().code()).toList();
        assertThat(codes).doesNotHaveDuplicates();
        assertThat(Rules.defaults().stream().map(r -> r.info().code())).doesNotContainAnyElementsOf(codes);
    }
}
