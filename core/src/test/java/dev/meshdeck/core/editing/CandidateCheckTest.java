package dev.meshdeck.core.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateCheckTest {

    private final EditSession session = new EditSession();

    private List<Finding> check(String candidateYaml) {
        List<Draft> drafts = session.open(Fixtures.ORDERS, Fixtures.orders());
        return CandidateCheck.run(candidateYaml, drafts.stream().map(Draft::candidate).toList());
    }

    @Test
    void liveCanaryWithItsDestinationRuleHasNoErrors() {
        String yaml = session.open(Fixtures.ORDERS, Fixtures.orders()).get(0).candidateYaml();

        assertThat(check(yaml)).noneMatch(f -> f.severity() == dev.meshdeck.core.validation.Severity.ERROR
                && !f.code().equals("MD0006"));
    }

    @Test
    void negativeWeightIsFoundAtItsLine() {
        String yaml = session.open(Fixtures.ORDERS, Fixtures.orders()).get(0).candidateYaml()
                .replace("weight: 10", "weight: -10");
        int line = yaml.lines().toList().indexOf("      weight: -10") + 1;

        List<Finding> findings = check(yaml);

        assertThat(findings).filteredOn(f -> f.code().equals("MD0202")).singleElement().satisfies(f -> {
            assertThat(f.position()).hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(line));
            assertThat(f.message()).contains("negative");
        });
    }

    @Test
    void subsetMissingFromTheDestinationRuleIsFound() {
        String yaml = session.open(Fixtures.ORDERS, Fixtures.orders()).get(0).candidateYaml()
                .replace("subset: v2", "subset: v9");

        assertThat(check(yaml)).extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("v9"));
    }

    @Test
    void syntaxErrorIsOneFindingWithAPosition() {
        List<Finding> findings = check("kind: [\n");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("MD0001");
            assertThat(f.position()).isPresent();
        });
    }
}
