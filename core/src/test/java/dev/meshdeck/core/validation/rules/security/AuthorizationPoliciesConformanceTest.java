package dev.meshdeck.core.validation.rules.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.ValidationInput;
import dev.meshdeck.core.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Istio's own test case for {@code auth.AuthorizationPoliciesAnalyzer}, read from the shared corpus as an external
 * judge: MD0350 and MD0351 together must report exactly Istio's multiset of (IST code, resource).
 */
class AuthorizationPoliciesConformanceTest {

    @Test
    void reproducesIstiosAuthorizationPoliciesAnalyzerCase() throws Exception {
        String shared = System.getProperty("meshdeck.shared");
        Assumptions.assumeTrue(shared != null, "meshdeck.shared is not set");
        Path corpus = Path.of(shared, "corpus", "istio-analyze");
        Path dir = corpus.resolve("cases/authz-namespace-and-workload-not-found");
        Assumptions.assumeTrue(Files.isDirectory(dir), "corpus case missing");

        ValidationInput input = new ValidationInput()
                .addText("input.yaml", Files.readString(dir.resolve("input.yaml")))
                .addText("harness.yaml", Files.readString(corpus.resolve("context/harness-default-resources.yaml")));
        List<Finding> findings = new Validator(List.of(new AuthzNamespaceNotFound(), new AuthzSelectorNoWorkload()))
                .validate(new ValidationContext(input.resources(), false));

        List<String> expected = new ArrayList<>();
        for (JsonNode e : new ObjectMapper().readTree(dir.resolve("expected.json").toFile()).path("expected")) {
            JsonNode r = e.path("resource");
            expected.add(e.path("code").asText() + " " + r.path("kind").asText() + " " + r.path("namespace").asText()
                    + "/" + r.path("name").asText());
        }
        List<String> actual = findings.stream().map(f -> f.istioCode().orElse("?") + " " + f.resource().kind() + " "
                + f.resource().namespace() + "/" + f.resource().name()).toList();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }
}
