package dev.meshdeck.core.validation.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.yaml.YamlDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Istio's own CRD-validation fixtures (pkg/config/validation/testdata/crds) as the external judge: every
 * document of a *-valid.yaml must pass, every document of a *-invalid.yaml must be rejected with the error
 * its {@code _err} key names (read SOURCE.md beside them).
 */
class IstioCrdFixturesTest {

    /** Violations that make the API server reject an object (unknown fields are pruned, not rejected). */
    static final Set<ViolationType> REJECTING = EnumSet.of(ViolationType.UNKNOWN_KIND, ViolationType.WRONG_TYPE,
            ViolationType.UNSUPPORTED_VALUE, ViolationType.REQUIRED, ViolationType.OUT_OF_RANGE,
            ViolationType.INVALID_FORMAT, ViolationType.RULE);

    record Case(String file, int index, String name, JsonNode object, String expectedError) {
        boolean valid() {
            return file.endsWith("-valid.yaml");
        }

        @Override
        public String toString() {
            return file + "#" + index + " " + name;
        }
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(IstioCrds.corpus().resolve("testdata"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : files) {
            for (YamlDocument d : IstioCrds.read(f)) {
                if (!d.tree().isObject()) {
                    continue;
                }
                ObjectNode object = d.tree().deepCopy();
                JsonNode err = object.remove("_err");
                cases.add(new Case(f.getFileName().toString(), d.index(), d.name(), object, err == null ? null : err.asText()));
            }
        }
        return cases;
    }

    /** Whether a rejection corresponds to the expected error text: same wording as the API server, or the same field. */
    static boolean corresponds(List<Violation> rejections, String expected) {
        String want = expected.toLowerCase(Locale.ROOT).trim();
        for (Violation v : rejections) {
            String text = v.apiServerText().toLowerCase(Locale.ROOT);
            if (text.contains(want)) {
                return true;
            }
            // "<path>: Required value" / "<path> in body ..." : same path and same kind of error
            String path = Paths.dotted(v.pointer()).toLowerCase(Locale.ROOT);
            if (want.startsWith(path + ":") || want.startsWith(path + " ")) {
                String rest = want.substring(path.length());
                if (text.contains(rest.trim())) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<Violation> rejections(SchemaCheck check, JsonNode object) {
        return check.check(object).stream().filter(v -> REJECTING.contains(v.type())).toList();
    }

    @Test
    void crdSchemasJudgeIstiosFixturesAsIstioDoes() throws IOException {
        SchemaCheck check = SchemaRules.crdCheck(IstioCrds.load());
        List<Case> cases = cases();
        List<String> misjudged = new ArrayList<>();
        int valid = 0;
        int invalid = 0;
        for (Case c : cases) {
            List<Violation> rejections = rejections(check, c.object());
            if (c.valid()) {
                valid++;
                if (!rejections.isEmpty()) {
                    misjudged.add(c + ": valid but rejected: " + rejections);
                }
            } else {
                invalid++;
                if (rejections.isEmpty()) {
                    misjudged.add(c + ": invalid (" + c.expectedError() + ") but accepted");
                } else if (!corresponds(rejections, c.expectedError())) {
                    misjudged.add(c + ": expected \"" + c.expectedError() + "\" but got "
                            + rejections.stream().map(Violation::apiServerText).toList());
                }
            }
        }
        System.out.printf("Istio CRD fixtures: %d/%d judged as Istio judges them (%d valid accepted, %d invalid rejected"
                        + " with the expected error) [CRD schema + CEL]%n", cases.size() - misjudged.size(), cases.size(),
                valid - misjudged.stream().filter(m -> m.contains("valid but")).count(),
                invalid - misjudged.stream().filter(m -> !m.contains("valid but")).count());
        misjudged.forEach(m -> System.out.println("  misjudged: " + m));
        assertThat(cases).hasSize(40);
        assertThat(misjudged).isEmpty();
    }

    @Test
    void offlineTypedModelAcceptsEveryValidFixtureAndRejectsWhatItCanKnow() throws IOException {
        SchemaCheck check = SchemaRules.offlineCheck();
        List<Case> cases = cases();
        List<String> falseRejections = new ArrayList<>();
        int rejected = 0;
        int invalid = 0;
        List<String> rejectedNames = new ArrayList<>();
        for (Case c : cases) {
            List<Violation> rejections = rejections(check, c.object());
            if (c.valid() && !rejections.isEmpty()) {
                falseRejections.add(c + ": " + rejections);
            }
            if (!c.valid()) {
                invalid++;
                if (!rejections.isEmpty()) {
                    rejected++;
                    rejectedNames.add(c.name());
                }
            }
        }
        System.out.printf("Istio CRD fixtures offline (typed model + MeshDeck checks, no CRD): %d/%d invalid rejected,"
                + " %d false rejections of valid ones%n", rejected, invalid, falseRejections.size());
        assertThat(falseRejections).isEmpty();
        // offline cannot see CEL-only rules (e.g. serviceAccounts with principals); it must still catch the
        // types, enums and durations below. portLevelMtls ports are the webhook rule MD0630's, in both modes.
        assertThat(rejectedNames).containsExactly("bookinfo-ratings", "bad-mode", "no-issuer", "bad-timeout");
    }
}
