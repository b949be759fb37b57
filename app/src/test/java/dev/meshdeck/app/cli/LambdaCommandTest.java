package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshdeck.core.yaml.YamlReader;
import dev.meshdeck.sandbox.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** `meshdeck lambda ...` against the sandbox's Lambda control plane and CloudWatch, as after `source sandbox.env`. */
class LambdaCommandTest {

    /** Shared: no test here changes the estate (promote only prints, publish finds nothing new). */
    private static Sandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(0, 0, 0);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static Cli run(String... args) {
        try (SandboxAws aws = new SandboxAws(sandbox)) {
            return Cli.run(args);
        }
    }

    @Test
    void versionsTableShowsWhereEachAliasSendsTraffic() {
        Cli cli = run("lambda", "versions", "--function", "invoice-pdf");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out().lines().toList()).hasSize(6).first().asString()
                .startsWith("VERSION").contains("ALIASES");
        assertThat(cli.out()).containsPattern("(?m)^3 .*live 90%").containsPattern("(?m)^4 .*live 10%, staging 100%");
    }

    @Test
    void publishSaysWhenNothingChanged() {
        Cli cli = run("lambda", "publish", "--function", "invoice-pdf");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Nothing changed since version 4 of invoice-pdf: Lambda published no new version.");
    }

    @Test
    void promotePrintsTheCandidateAliasWithItsRevision() throws Exception {
        Cli cli = run("lambda", "promote", "--function", "invoice-pdf", "--alias", "live");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode alias = new YamlReader().read("out", cli.out()).get(0).tree();
        assertThat(alias.at("/kind").asText()).isEqualTo("LambdaAlias");
        assertThat(alias.at("/spec/functionVersion").asText()).isEqualTo("4");
        assertThat(alias.at("/spec/routingConfig").isMissingNode()).isTrue();
        assertThat(alias.at("/metadata/resourceVersion").asText()).isNotBlank();
    }

    @Test
    void promotingAnAliasWithoutCanaryIsExplained() {
        Cli cli = run("lambda", "promote", "--function", "notify-email", "--alias", "live");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("has no canary to promote; name the version to promote");
    }

    @Test
    void metricsAsJsonHaveOneRowPerFunctionAliasAndVersion() throws Exception {
        Cli cli = run("lambda", "metrics", "--function", "invoice-pdf", "-o", "json");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode rows = new ObjectMapper().readTree(cli.out());
        assertThat(rows).hasSize(6);
        assertThat(rows.get(3).path("alias").asText() + "/" + rows.get(3).path("version").asText()).isEqualTo("live/4");
        assertThat(rows.get(3).path("invocations").asDouble() / rows.get(1).path("invocations").asDouble())
                .isBetween(0.09, 0.11);
        assertThat(rows.get(0).path("p95Millis").asDouble()).isPositive();
    }

    @Test
    void severalRegionsNeedAFunctionCommandToPickOne() {
        Cli cli = run("lambda", "versions", "--function", "invoice-pdf", "--region", "eu-west-1,us-east-1");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("a Lambda function lives in one region; pass one --region, not eu-west-1,us-east-1");
    }
}
