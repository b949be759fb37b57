package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.connectors.aws.AwsSettings;
import dev.meshdeck.connectors.aws.LambdaAliasGateway;
import dev.meshdeck.connectors.history.DataDirectory;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lambda canary as an SRE drives it on the sandbox, command by command: slider to 50%, promote, history,
 * rollback of the promote, and CloudWatch's invocations following each step.
 */
class LambdaCanaryOnSandboxTest {

    static final ResourceId LIVE = new ResourceId("lambda.meshdeck.dev/v1", "LambdaAlias", "invoice-pdf", "live");

    @TempDir
    Path dir;
    Sandbox sandbox;
    SandboxAws aws;
    LambdaAliasGateway alias;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(0, 0, 0);
        System.setProperty(DataDirectory.PROPERTY, dir.resolve("data").toString());
        aws = new SandboxAws(sandbox);
        alias = new LambdaAliasGateway(AwsSettings.sandbox(sandbox.lambdaEndpoint(), List.of(sandbox.region())), sandbox.region());
    }

    @AfterEach
    void stop() {
        alias.close();
        aws.close();
        System.clearProperty(DataDirectory.PROPERTY);
        sandbox.close();
    }

    private Cli run(String... args) {
        return Cli.run(args);
    }

    /** The live alias as Lambda answers GetAlias now: "version {weights}". */
    private String liveAlias() throws Exception {
        ObjectNode now = alias.read(LIVE).orElseThrow();
        Map<String, Double> weights = new TreeMap<>();
        now.at("/spec/routingConfig/additionalVersionWeights").fields()
                .forEachRemaining(e -> weights.put(e.getKey(), e.getValue().asDouble()));
        return now.at("/spec/functionVersion").asText() + " " + weights;
    }

    /** Invocations of version 4 over those of version 3 behind the live alias, from `lambda metrics`. */
    private double canaryToPrimaryInvocations(String primary, String canary) throws Exception {
        Cli metrics = run("lambda", "metrics", "--function", "invoice-pdf", "-o", "json");
        assertThat(metrics.exitCode()).as(metrics.err()).isZero();
        double[] invocations = new double[2];
        for (JsonNode row : new ObjectMapper().readTree(metrics.out())) {
            if (row.path("alias").asText().equals("live")) {
                if (row.path("version").asText().equals(primary)) {
                    invocations[0] += row.path("invocations").asDouble();
                } else if (row.path("version").asText().equals(canary)) {
                    invocations[1] += row.path("invocations").asDouble();
                }
            }
        }
        assertThat(invocations[0]).isPositive();
        return invocations[1] / invocations[0];
    }

    @Test
    void sliderToHalfThenPromoteThenRollBackThePromoteFromHistory() throws Exception {
        assertThat(liveAlias()).isEqualTo("3 {4=0.1}");
        assertThat(canaryToPrimaryInvocations("3", "4")).isCloseTo(10.0 / 90, within(0.01));

        Cli half = run("traffic", "set", "--function", "invoice-pdf", "--candidate-weight", "50", "--apply", "--yes",
                "--kubeconfig", sandbox.kubeconfig().toString());
        assertThat(half.exitCode()).as(half.err()).isZero();
        assertThat(liveAlias()).isEqualTo("3 {4=0.5}");
        assertThat(canaryToPrimaryInvocations("3", "4")).isCloseTo(1.0, within(0.02));

        Cli promote = run("lambda", "promote", "--function", "invoice-pdf", "--alias", "live", "--apply", "--yes");
        assertThat(promote.exitCode()).as(promote.err()).isZero();
        assertThat(promote.out()).contains("-  functionVersion: \"3\"", "+  functionVersion: \"4\"", "applied and verified");
        assertThat(liveAlias()).isEqualTo("4 {}");

        JsonNode history = new ObjectMapper().readTree(run("history", "-o", "json").out());
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("action").asText()).isEqualTo("promote");
        assertThat(history.get(0).path("subject").asText()).isEqualTo("invoice-pdf:live");
        assertThat(history.get(0).path("reason").asText()).isEqualTo("lambda promote invoice-pdf:live to version 4");
        assertThat(history.get(0).path("target").path("region").asText()).isEqualTo("eu-west-1");
        assertThat(history.get(1).path("action").asText()).isEqualTo("apply");
        assertThat(history.get(1).path("reason").asText()).isEqualTo("traffic set invoice-pdf candidate 50%");
        assertThat(run("history").out()).contains("promote", "apply", "update LambdaAlias invoice-pdf/live");

        // the recorded after state is the alias as written (its new RevisionId): the rollback's precondition
        String promoteId = history.get(0).path("id").asText();
        JsonNode recorded = new ObjectMapper().readTree(run("history", promoteId, "-o", "json").out());
        assertThat(recorded.at("/changes/0/after/metadata/resourceVersion").asText())
                .isEqualTo(alias.read(LIVE).orElseThrow().at("/metadata/resourceVersion").asText());

        Cli rollback = run("rollback", promoteId, "--yes");
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(liveAlias()).isEqualTo("3 {4=0.5}");
        assertThat(canaryToPrimaryInvocations("3", "4")).isCloseTo(1.0, within(0.02));
        JsonNode after = new ObjectMapper().readTree(run("history", "-o", "json").out());
        assertThat(after.get(0).path("action").asText()).isEqualTo("rollback");
        assertThat(after.get(0).path("relatesTo").asText()).isEqualTo(promoteId);
    }

    @Test
    void promotingAnUnpublishedVersionIsRefusedAndNothingIsWritten() throws Exception {
        Cli promote = run("lambda", "promote", "--function", "invoice-pdf", "--alias", "live", "--version", "9",
                "--apply", "--yes");

        assertThat(promote.exitCode()).isEqualTo(1);
        assertThat(promote.err()).contains("version 9");
        assertThat(liveAlias()).isEqualTo("3 {4=0.1}");
        assertThat(new ObjectMapper().readTree(run("history", "-o", "json").out())).isEmpty();
    }
}
