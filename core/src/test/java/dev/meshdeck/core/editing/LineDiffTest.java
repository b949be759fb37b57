package dev.meshdeck.core.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.editing.LineDiff.Change;
import dev.meshdeck.core.yaml.YamlReader;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void identicalTextsHaveNoChangesAndAnEmptyUnifiedDiff() {
        LineDiff diff = LineDiff.of("a\nb\n", "a\nb\n");

        assertThat(diff.changed()).isFalse();
        assertThat(diff.unified("live", "candidate", 3)).isEmpty();
    }

    @Test
    void changedLineShowsAsRemovalThenAdditionWithContext() {
        LineDiff diff = LineDiff.of("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nd\nE\nf\ng\nh\n");

        assertThat(diff.changeCount()).isEqualTo(2);
        assertThat(diff.unified("live", "candidate", 2)).isEqualTo("""
                --- live
                +++ candidate
                @@ -3,5 +3,5 @@
                 c
                 d
                -e
                +E
                 f
                 g
                """);
    }

    @Test
    void insertionsAndDeletionsKeepLineNumbersOfBothSides() {
        LineDiff diff = LineDiff.of("one\ntwo\nthree\n", "zero\none\nthree\nfour\n");

        assertThat(diff.lines()).extracting(LineDiff.Line::change).containsExactly(
                Change.ADDED, Change.SAME, Change.REMOVED, Change.SAME, Change.ADDED);
        assertThat(diff.lines().get(3)).isEqualTo(new LineDiff.Line(Change.SAME, 3, 3, "three"));
        assertThat(diff.lines().get(4)).isEqualTo(new LineDiff.Line(Change.ADDED, 0, 4, "four"));
    }

    @Test
    void distantChangesMakeSeparateHunks() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n";
        String after = "1x\n2\n3\n4\n5\n6\n7\n8\n9\n10x\n";

        String unified = LineDiff.of(before, after).unified("a", "b", 1);

        assertThat(unified).contains("@@ -1,2 +1,2 @@", "@@ -9,2 +9,2 @@");
    }

    @Test
    void sideBySideFacesAReplacedLineWithItsReplacement() {
        LineDiff diff = LineDiff.of("a\nweight: 90\nb\n", "a\nweight: 50\nb\nc\n");

        assertThat(diff.sideBySide()).containsExactly(
                new LineDiff.Row(1, "a", 1, "a"),
                new LineDiff.Row(2, "weight: 90", 2, "weight: 50"),
                new LineDiff.Row(3, "b", 3, "b"),
                new LineDiff.Row(0, null, 4, "c"));
        assertThat(diff.sideBySide().get(3).changed()).isTrue();
    }

    @Test
    void serverOwnedFieldsAreNotDifferences() throws Exception {
        YamlReader reader = new YamlReader();
        var live = reader.read("live", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a, resourceVersion: "7", uid: x}
                data: {k: v}
                status: {phase: ok}
                """).get(0).tree();
        var candidate = reader.read("candidate", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a}
                data: {k: v}
                """).get(0).tree();

        assertThat(LineDiff.between(live, candidate).changed()).isFalse();
    }
}
