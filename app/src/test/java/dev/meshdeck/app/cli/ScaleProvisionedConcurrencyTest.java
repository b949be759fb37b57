package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshdeck.connectors.aws.AwsSettings;
import dev.meshdeck.connectors.aws.LambdaAliasGateway;
import dev.meshdeck.connectors.history.DataDirectory;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `meshdeck scale --alias --provisioned` on the sandbox's Lambda: set, history, rollback, removal, refusals. */
class ScaleProvisionedConcurrencyTest {

    static final ResourceId LIVE = new ResourceId("lambda.meshdeck.dev/v1", "LambdaProvisionedConcurrency", "invoice-pdf", "live");

    @TempDir
    Path dir;
    Sandbox sandbox;
    SandboxAws aws;
    LambdaAliasGateway lambda;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(0, 0, 0);
        System.setProperty(DataDirectory.PROPERTY, dir.resolve("data").toString());
        aws = new SandboxAws(sandbox);
        lambda = new LambdaAliasGateway(AwsSettings.sandbox(sandbox.lambdaEndpoint(), List.of(sandbox.region())), sandbox.region());
    }

    @AfterEach
    void stop() {
        lambda.close();
        aws.close();
        System.clearProperty(DataDirectory.PROPERTY);
        sandbox.close();
    }

    private Optional<Integer> provisioned() throws Exception {
        return lambda.read(LIVE).map(o -> o.at("/spec/provisionedConcurrentExecutions").asInt());
    }

    private static Cli scale(String qualifier, int count) {
        return Cli.run("scale", "--function", "invoice-pdf", "--alias", qualifier, "--provisioned", String.valueOf(count), "--yes");
    }

    @Test
    void setThenChangedIsRecordedAndRolledBackThenRemoved() throws Exception {
        Cli first = scale("live", 5);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("+  provisionedConcurrentExecutions: 5", "applied and verified");
        assertThat(provisioned()).contains(5);

        Cli second = scale("live", 8);
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(provisioned()).contains(8);

        JsonNode history = new ObjectMapper().readTree(Cli.run("history", "-o", "json").out());
        assertThat(history.get(0).path("subject").asText()).isEqualTo("invoice-pdf:live");
        assertThat(history.get(0).path("reason").asText()).isEqualTo("scale invoice-pdf:live provisioned concurrency 8");
        assertThat(history.get(0).path("target").path("region").asText()).isEqualTo("eu-west-1");

        Cli rollback = Cli.run("rollback", history.get(0).path("id").asText(), "--yes");
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(provisioned()).contains(5);

        Cli removed = scale("live", 0);
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(provisioned()).isEmpty();
    }

    @Test
    void latestIsRefusedByTheGate() {
        Cli latest = scale("$LATEST", 2);
        assertThat(latest.exitCode()).isEqualTo(1);
        assertThat(latest.out() + latest.err()).contains("MD0244", "provisioned concurrency cannot be set on $LATEST");
    }
}
