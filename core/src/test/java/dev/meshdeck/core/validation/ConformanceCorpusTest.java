package dev.meshdeck.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The conformance corpus (src/test/resources/validation/conformance): cases taken from Istio's validation test
 * tables (istio/istio pkg/config/validation) and Kiali's checker tests, one YAML file per case, each with the
 * verdict its upstream gives. Every case must be judged as upstream judges it, or carry a listed exception.
 *
 * <p>A case file is YAML (one or more documents) headed by comment lines:
 * <pre>
 * # upstream: pkg/config/validation/validation_test.go TestValidateHTTPRetry "negative attempts"
 * # expect: error              (error | warning | valid)
 * # codes: MD0401 MD0402       (optional) error/warning: one of these is reported; valid: none of them is
 * # subject: VirtualService default/reviews   (optional) only findings on this object count
 * # live: true                 (optional) the documents other than the subject are live cluster objects
 * # exception: why MeshDeck judges this case otherwise   (optional) reported, not failed
 * </pre>
 * "error": an error finding; "warning": a warning and no error; "valid": no error (and, with codes, none of them).
 * Without {@code live}, every document is a candidate and the context is offline, as {@code meshdeck validate -f}.
 */
class ConformanceCorpusTest {

    record Case(String file, String suite, String kind, Map<String, String> header) {

        String expect() {
            return header.getOrDefault("expect", "");
        }

        List<String> codes() {
            String codes = header.getOrDefault("codes", "").trim();
            return codes.isEmpty() ? List.of() : Arrays.asList(codes.split("[\\s,]+"));
        }

        Optional<String> exception() {
            return Optional.ofNullable(header.get("exception"));
        }
    }

    record Outcome(Case c, boolean judgedRight, String detail) {
    }

    @Test
    void judgesEveryCaseAsItsUpstreamDoes() throws IOException {
        Path root = corpusRoot();
        List<Outcome> outcomes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                outcomes.add(judge(read(root, file)));
            }
        }
        String report = report(outcomes);
        System.out.println(report);
        Path out = Paths.get("target", "conformance-corpus.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);

        assertThat(outcomes).as("cases in the corpus").isNotEmpty();
        assertThat(outcomes.stream().filter(o -> o.c().exception().isEmpty() && !o.judgedRight())
                .map(o -> o.c().file() + " (" + o.c().header().get("upstream") + "): " + o.detail()).toList())
                .as("cases judged otherwise than upstream, without a listed exception").isEmpty();
        assertThat(outcomes.stream().filter(o -> o.c().exception().isPresent() && o.judgedRight())
                .map(o -> o.c().file()).toList())
                .as("cases listed as exceptions that are now judged right: remove their exception").isEmpty();
    }

    private static Path corpusRoot() {
        try {
            return Paths.get(ConformanceCorpusTest.class.getResource("/validation/conformance").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Case read(Path root, Path file) {
        try {
            Map<String, String> header = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.startsWith("#")) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon > 0) {
                    header.put(line.substring(1, colon).trim(), line.substring(colon + 1).trim());
                }
            }
            Path relative = root.relativize(file);
            String suite = relative.getName(0).toString();
            String kind = relative.getNameCount() > 2 ? relative.getName(1).toString() : "";
            Case c = new Case(relative.toString(), suite, kind, header);
            assertThat(c.expect()).as("%s: # expect: error|warning|valid", c.file()).isIn("error", "warning", "valid");
            assertThat(header).as("%s: # upstream: names the test case", c.file()).containsKey("upstream");
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Outcome judge(Case c) {
        Path file = corpusRoot().resolve(c.file());
        ValidationInput input;
        try {
            input = new ValidationInput().add(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(input.syntaxFindings()).as("%s must be readable YAML objects", c.file()).isEmpty();
        String subject = c.header().get("subject");
        boolean live = Boolean.parseBoolean(c.header().getOrDefault("live", "false"));
        List<Resource> resources = new ArrayList<>();
        for (Resource r : input.resources()) {
            boolean isSubject = subject == null || subject.equals(r.ref().toString());
            resources.add(live && !isSubject ? Resource.live(r.tree()) : r);
        }
        List<Finding> findings = new Validator(Rules.defaults()).validate(new ValidationContext(resources, live)).stream()
                .filter(f -> subject == null || subject.equals(f.resource().toString()))
                .toList();
        List<String> codes = c.codes();
        List<Finding> counted = codes.isEmpty() ? findings
                : findings.stream().filter(f -> codes.contains(f.code())).toList();
        boolean errors = counted.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        boolean warnings = counted.stream().anyMatch(f -> f.severity() == Severity.WARNING);
        boolean anyError = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        boolean right = switch (c.expect()) {
            case "error" -> errors;
            case "warning" -> warnings && !anyError;
            default -> !anyError && (codes.isEmpty() || counted.isEmpty());
        };
        String detail = "expected " + c.expect() + (codes.isEmpty() ? "" : " " + codes) + ", got "
                + (findings.isEmpty() ? "no finding" : findings.stream()
                .map(f -> f.severity().label() + " " + f.code() + " " + f.path()).toList());
        return new Outcome(c, right, detail);
    }

    private static String report(List<Outcome> outcomes) {
        Map<String, int[]> score = new TreeMap<>();
        for (Outcome o : outcomes) {
            int[] s = score.computeIfAbsent(o.c().suite() + " " + o.c().kind(), k -> new int[3]);
            s[0]++;
            if (o.judgedRight()) {
                s[1]++;
            } else if (o.c().exception().isPresent()) {
                s[2]++;
            }
        }
        StringBuilder s = new StringBuilder("Conformance corpus: cases judged as upstream judges them\n\n");
        s.append("| suite | kind | cases | judged right | listed exceptions |\n|---|---|---|---|---|\n");
        int[] total = new int[3];
        score.forEach((key, v) -> {
            String[] parts = key.split(" ", 2);
            s.append("| ").append(parts[0]).append(" | ").append(parts[1]).append(" | ").append(v[0]).append(" | ")
                    .append(v[1]).append(" | ").append(v[2]).append(" |\n");
            for (int i = 0; i < 3; i++) {
                total[i] += v[i];
            }
        });
        s.append("| all | | ").append(total[0]).append(" | ").append(total[1]).append(" | ").append(total[2]).append(" |\n");
        List<Outcome> exceptions = outcomes.stream().filter(o -> o.c().exception().isPresent()).toList();
        if (!exceptions.isEmpty()) {
            s.append("\nExceptions:\n");
            exceptions.forEach(o -> s.append("- ").append(o.c().file()).append(": ")
                    .append(o.c().exception().get()).append('\n'));
        }
        return s.toString();
    }
}
