package dev.meshdeck.core.validation.rules.monitoring;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.RuleAsserter;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromQlSyntaxErrorTest {

    @Test
    void anUnreadableExpressionAndAMissingOneAreErrors() {
        assertFindings(new PromQlSyntaxError(), "monitoring/rules.yaml").containsExactly(
                "MD0801@PrometheusRule serverless/broken@spec.groups[0].rules[0].expr",
                "MD0801@PrometheusRule serverless/broken@spec.groups[0].rules[7]");
    }

    @Test
    void theErrorIsLocatedInsideTheBlockScalarAtItsLineAndColumn() {
        List<Finding> found = RuleAsserter.run(new PromQlSyntaxError(), "monitoring/rules.yaml");
        // the closing parenthesis is missing at the end of the expression's second line (file line 14)
        assertThat(found.get(0).position().orElseThrow().toString()).isEqualTo("monitoring/rules.yaml:14:48");
        assertThat(found.get(0).message()).contains("alert MissingParen", "line 2, column 40 of the expression");
    }

    @Test
    void theSeedsExpressionIsValidPromQl() {
        assertFindings(new PromQlSyntaxError(), "monitoring/seed.yaml").isEmpty();
    }
}
