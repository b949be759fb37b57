package dev.meshdeck.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The codes are a public contract: every code is unique and docs/validation-codes.md lists exactly the catalogue. */
class CodesDocumentationTest {

    private static final Path DOC = Path.of("..", "docs", "validation-codes.md");
    private static final String BEGIN = "<!-- codes:begin -->\n";
    private static final String END = "<!-- codes:end -->";

    @Test
    void everyRuleHasItsOwnCode() {
        Set<String> seen = new HashSet<>();
        for (RuleInfo info : Rules.catalogue()) {
            assertThat(info.code()).matches("MD\\d{4}");
            assertThat(seen.add(info.code())).as("code %s used twice", info.code()).isTrue();
        }
    }

    @Test
    void documentedTableMatchesTheCatalogue() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf(BEGIN) + BEGIN.length();
        int end = doc.indexOf(END);
        String table = doc.substring(start, end);
        if (Boolean.getBoolean("meshdeck.updateDocs")) {
            Files.writeString(DOC, doc.substring(0, start) + Rules.markdownTable() + doc.substring(end), StandardCharsets.UTF_8);
            return;
        }
        assertThat(table)
                .as("docs/validation-codes.md is out of date: run mvn -pl core test -Dtest=CodesDocumentationTest -Dmeshdeck.updateDocs=true")
                .isEqualTo(Rules.markdownTable());
    }
}
