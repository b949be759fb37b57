package dev.meshdeck.views.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.views.commands.PaletteEntry.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The palette's choices without a screen: fuzzy, best first, titles before details, prefixes narrow. */
class PaletteModelTest {

    private static final List<PaletteEntry> ACTIONS = List.of(
            action("Open the editor"), action("Fail over…"), action("History"), action("Undo last change set"),
            action("Show the topology"), action("Switch to the dark theme"));
    private static final List<PaletteEntry> FUNCTIONS = List.of(
            function("order-function", "Kubernetes · serverless · meshdeck-sandbox"),
            function("payment-function", "Kubernetes · payments · meshdeck-sandbox"),
            function("payment-function-backup", "Kubernetes · payments · meshdeck-sandbox"),
            function("fraud-check", "Knative · payments · meshdeck-sandbox"),
            function("invoice-pdf", "AWS Lambda · 123456789012/eu-west-1"));

    private final PaletteModel model = new PaletteModel(() -> ACTIONS, () -> FUNCTIONS);

    @Test
    void wordStartsBeatScatteredLetters() {
        assertThat(titles("pf")).startsWith("payment-function", "payment-function-backup");
        assertThat(titles("ordfn")).first().isEqualTo("order-function");
    }

    @Test
    void everyQueryCharacterMustAppearInOrder() {
        assertThat(titles("fpo")).doesNotContain("payment-function", "order-function");
        assertThat(titles("zz")).isEmpty();
    }

    @Test
    void aRunOfTypedLettersRanksTheNameContainingItFirst() {
        assertThat(titles("hist")).first().isEqualTo("History");
        assertThat(titles("fail")).first().isEqualTo("Fail over…");
    }

    @Test
    void theShorterNameWinsATie() {
        assertThat(titles("payment-function")).startsWith("payment-function", "payment-function-backup");
    }

    @Test
    void aDetailMatchListsAFunctionAfterEveryTitleMatch() {
        // fraud-check runs in the payments namespace
        assertThat(titles("pay")).containsExactly("payment-function", "payment-function-backup", "fraud-check");
        assertThat(titles("lambda")).containsExactly("invoice-pdf");
    }

    @Test
    void prefixesNarrowToActionsOrFunctions() {
        assertThat(model.lines(">").stream().map(l -> l.entry().kind())).containsOnly(Kind.ACTION).hasSize(ACTIONS.size());
        assertThat(model.lines("@ pay").stream().map(l -> l.entry().kind())).containsOnly(Kind.FUNCTION).hasSize(3);
        assertThat(titles("> the")).contains("Show the topology").doesNotContain("order-function");
    }

    @Test
    void withoutAQueryActionsComeFirstInTheirOrder() {
        assertThat(titles("")).startsWith("Open the editor", "Fail over…", "History").endsWith("invoice-pdf");
    }

    @Test
    void theMatchedLettersAreMarkedForHighlighting() {
        PaletteModel.Line first = model.lines("pf").get(0);

        assertThat(first.titlePositions()).containsExactly(0, 8);
    }

    private List<String> titles(String query) {
        return model.lines(query).stream().map(l -> l.entry().title()).toList();
    }

    private static PaletteEntry action(String title) {
        return new PaletteEntry(Kind.ACTION, title, "", "", () -> { });
    }

    private static PaletteEntry function(String name, String where) {
        return new PaletteEntry(Kind.FUNCTION, name, where, "", () -> { });
    }
}
