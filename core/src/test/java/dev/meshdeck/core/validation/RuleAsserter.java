package dev.meshdeck.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.assertj.core.api.ListAssert;

/** Runs one rule over a fixture from src/test/resources/validation and gives its findings to assert on. */
public final class RuleAsserter {

    private RuleAsserter() {
    }

    public static List<Finding> run(Rule rule, String fixture) {
        return run(List.of(rule), fixture);
    }

    /** The findings of several rules, e.g. {@code Rules.defaults()} to see that a problem is reported once. */
    public static List<Finding> run(List<Rule> rules, String fixture) {
        ValidationInput input = new ValidationInput().addText(fixture, read(fixture));
        assertThat(input.syntaxFindings()).as("fixture %s must be valid YAML", fixture).isEmpty();
        return new Validator(rules).validate(new ValidationContext(input.resources(), false));
    }

    /** "code@resource@path" strings, e.g. "MD0302@VirtualService serverless/order@spec.http[0].route[1].destination.subset". */
    public static ListAssert<String> assertFindings(Rule rule, String fixture) {
        List<Finding> findings = run(rule, fixture);
        findings.forEach(f -> {
            assertThat(f.code()).isEqualTo(rule.info().code());
            assertThat(f.severity()).isEqualTo(rule.info().severity());
            assertThat(f.position()).as("findings from files carry a position").isPresent();
            assertThat(f.message()).isNotBlank();
        });
        return assertThat(findings.stream().map(f -> f.code() + "@" + f.resource() + "@" + f.path()).toList());
    }

    static String read(String fixture) {
        try (InputStream in = RuleAsserter.class.getResourceAsStream("/validation/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture validation/" + fixture);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
