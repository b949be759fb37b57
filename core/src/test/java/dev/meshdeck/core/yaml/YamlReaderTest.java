package dev.meshdeck.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private final YamlReader reader = new YamlReader();

    @Test
    void multiDocumentStreamKeepsFieldPositions() throws Exception {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: order-function
                  namespace: serverless
                spec:
                  http:
                  - route:
                    - destination:
                        host: order-function-v1
                      weight: 90
                ---
                # second document
                kind: DestinationRule
                """;
        List<YamlDocument> docs = reader.read("canary.yaml", yaml);

        assertThat(docs).hasSize(2);
        YamlDocument vs = docs.get(0);
        assertThat(vs.kind()).isEqualTo("VirtualService");
        assertThat(vs.namespace()).isEqualTo("serverless");
        assertThat(vs.positionOf("/spec/http/0/route/0/weight")).isEqualTo(new SourcePosition("canary.yaml", 11, 7));
        assertThat(vs.positionOf("/spec/http/0/route/0/destination/host").line()).isEqualTo(10);
        // a pointer below a scalar falls back to the nearest known ancestor
        assertThat(vs.positionOf("/spec/http/0/route/0/weight/x").line()).isEqualTo(11);
        assertThat(docs.get(1).index()).isEqualTo(1);
        assertThat(docs.get(1).positionOf("/kind").line()).isEqualTo(14);
    }

    @Test
    void aliasesAndMergeKeysAreExpanded() throws Exception {
        YamlDocument doc = reader.read("a.yaml", """
                base: &labels {app: web, tier: front}
                copy: *labels
                merged:
                  <<: *labels
                  tier: back
                """).get(0);

        assertThat(doc.tree().at("/copy/app").asText()).isEqualTo("web");
        assertThat(doc.tree().at("/merged/app").asText()).isEqualTo("web");
        assertThat(doc.tree().at("/merged/tier").asText()).isEqualTo("back");
    }

    @Test
    void billionLaughsFailsFastWithAClearMessage() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(p);
            }
            bomb.append("]\n");
        }
        assertThatThrownBy(() -> reader.read("bomb.yaml", bomb.toString()))
                .isInstanceOf(YamlProblem.class)
                .hasMessageContaining("bomb.yaml:")
                .hasMessageContaining("possible YAML bomb");
    }

    @Test
    void syntaxErrorNamesFileLineAndColumn() {
        assertThatThrownBy(() -> reader.read("broken.yaml", "kind: VirtualService\nspec:\n  hosts: [a, b\n  http: x\n"))
                .isInstanceOfSatisfying(YamlProblem.class, p -> {
                    assertThat(p.position().file()).isEqualTo("broken.yaml");
                    assertThat(p.position().line()).isGreaterThanOrEqualTo(3);
                    assertThat(p.reason()).startsWith("YAML syntax error");
                });
    }

    @Test
    void duplicateKeysAreRejectedAtTheSecondKey() {
        assertThatThrownBy(() -> reader.read("dup.yaml", "kind: A\nmetadata:\n  name: x\n  name: y\n"))
                .isInstanceOfSatisfying(YamlProblem.class, p -> {
                    assertThat(p.position()).isEqualTo(new SourcePosition("dup.yaml", 4, 3));
                    assertThat(p.reason()).isEqualTo("duplicate key 'name'");
                });
    }

    @Test
    void binaryJunkIsNotYaml() {
        assertThatThrownBy(() -> reader.read("junk.bin", "kind: A\n\u0000\u0001\u00ff"))
                .isInstanceOfSatisfying(YamlProblem.class, p -> {
                    assertThat(p.position().line()).isEqualTo(2);
                    assertThat(p.reason()).contains("binary");
                });
        assertThatThrownBy(() -> reader.read("ctl.bin", "kind: \u0007\u0002"))
                .isInstanceOf(YamlProblem.class);
    }

    @Test
    void deepNestingIsBounded() {
        String deep = "a: " + "[".repeat(500) + "]".repeat(500);
        assertThatThrownBy(() -> reader.read("deep.yaml", deep)).isInstanceOf(YamlProblem.class);
    }

    @Test
    void tenMegabyteBundleIsRead() throws Exception {
        StringBuilder big = new StringBuilder();
        int docs = 0;
        while (big.length() < 10 * 1024 * 1024) {
            big.append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-").append(docs++)
                    .append("\ndata:\n  payload: \"").append("x".repeat(2000)).append("\"\n---\n");
        }
        List<YamlDocument> read = reader.read("big.yaml", big.toString());
        assertThat(read.size()).isEqualTo(docs);
        assertThat(read.get(docs - 1).name()).isEqualTo("cm-" + (docs - 1));
        // read in parallel chunks, yet every position is where the field stands in the whole file
        for (int k : new int[] {0, docs / 3, docs - 1}) {
            assertThat(read.get(k).index()).isEqualTo(k);
            assertThat(read.get(k).positionOf("/kind")).isEqualTo(new SourcePosition("big.yaml", 7 * k + 2, 1));
        }
    }

    @Test
    void syntaxErrorDeepInABigBundleNamesItsLine() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            big.append(i == 15_000 ? "apiVersion: [v1\n" : "apiVersion: v1\n")
                    .append("kind: ConfigMap\nmetadata: {name: cm-").append(i).append("}\n---\n");
        }
        int brokenLine = 4 * 15_000 + 1;
        String text = big.toString();
        assertThatThrownBy(() -> reader.read("big.yaml", text))
                .isInstanceOfSatisfying(YamlProblem.class, p -> assertThat(p.position().line()).isBetween(brokenLine, brokenLine + 1));
    }

    @Test
    void overlongLineIsRefusedWithItsLineNumber() {
        assertThatThrownBy(() -> reader.read("long.yaml", "kind: A\ndata: \"" + "y".repeat(2 * 1024 * 1024) + "\"\n"))
                .isInstanceOfSatisfying(YamlProblem.class, p -> {
                    assertThat(p.position().line()).isEqualTo(2);
                    assertThat(p.reason()).contains("more than the limit of 1048576");
                });
    }

    @Test
    void oversizedInputIsRefusedBeforeParsing() {
        YamlReader small = new YamlReader(new YamlLimits(100, 1000, 10, 1000, 10, 100));
        assertThatThrownBy(() -> small.read("big.yaml", "a: " + "x".repeat(200)))
                .hasMessageContaining("more than the limit of 100");
    }
}
