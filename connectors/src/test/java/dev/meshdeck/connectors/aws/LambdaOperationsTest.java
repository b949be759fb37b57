package dev.meshdeck.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.yaml.YamlProblem;
import dev.meshdeck.core.yaml.YamlReader;
import dev.meshdeck.sandbox.lambda.LambdaControlPlane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Versions, publish and alias candidates through the real SDK against the embedded control plane; candidates are
 * written by the apply pipeline's own writer, {@link LambdaAliasGateway}.
 */
class LambdaOperationsTest {

    private static final String REGION = "eu-west-1";

    private LambdaControlPlane plane;
    private LambdaOperations operations;
    private LambdaClient lambda;
    private LambdaAliasGateway aliases;

    @BeforeEach
    void start() {
        plane = LambdaControlPlane.start().seedDefault();
        operations = new LambdaOperations(AwsSettings.sandbox(plane.endpoint(), List.of(REGION)));
        lambda = LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(plane.endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "throwaway")))
                .build();
        aliases = new LambdaAliasGateway(AwsSettings.sandbox(plane.endpoint(), List.of(REGION)), REGION);
    }

    @AfterEach
    void stop() {
        aliases.close();
        lambda.close();
        operations.close();
        plane.close();
    }

    private static ObjectNode read(MeshResource alias) throws YamlProblem {
        return (ObjectNode) new YamlReader().read(alias.title(), alias.yaml()).get(0).tree();
    }

    /** UpdateAlias as the apply pipeline sends it, with the document's own RevisionId as precondition. */
    private void write(MeshResource alias) throws Exception {
        ObjectNode doc = read(alias);
        aliases.update(doc, doc.at("/metadata/resourceVersion").asText());
    }

    private GetAliasResponse live() {
        return lambda.getAlias(r -> r.functionName("invoice-pdf").name("live"));
    }

    @Test
    void versionsShowWhichAliasRunsThemAndHowMuch() {
        List<LambdaVersion> versions = operations.versions(REGION, "invoice-pdf");

        assertThat(versions).extracting(LambdaVersion::version).containsExactly("$LATEST", "1", "2", "3", "4");
        assertThat(versions.get(3).aliasPercent()).containsExactly(Map.entry("live", 90.0));
        assertThat(versions.get(4).aliasPercent()).containsOnly(Map.entry("live", 10.0), Map.entry("staging", 100.0));
        assertThat(versions.get(1).aliasPercent()).isEmpty();
        assertThat(versions.get(4).runtime()).isEqualTo("java17");
    }

    @Test
    void publishingUnchangedCodeGivesBackTheLastVersionAndNewCodeANewOne() {
        assertThat(operations.publish(REGION, "invoice-pdf", "no change")).satisfies(p -> {
            assertThat(p.version().version()).isEqualTo("4");
            assertThat(p.created()).isFalse();
        });

        lambda.updateFunctionCode(r -> r.functionName("invoice-pdf").zipFile(SdkBytes.fromUtf8String("v5 code")));
        LambdaOperations.PublishedVersion published = operations.publish(REGION, "invoice-pdf", "faster renderer");

        assertThat(published.created()).isTrue();
        assertThat(published.version().version()).isEqualTo("5");
        assertThat(published.version().description()).isEqualTo("faster renderer");
    }

    @Test
    void weightedAliasRoundTripsThroughItsCandidateDocument() throws Exception {
        LambdaAliasChange change = operations.setWeight(REGION, "invoice-pdf", "live", null, 50);

        JsonNode candidate = read(change.candidate());
        assertThat(candidate.at("/spec/functionVersion").asText()).isEqualTo("3");
        assertThat(candidate.at("/spec/routingConfig/additionalVersionWeights/4").asDouble()).isEqualTo(0.5);
        assertThat(candidate.at("/metadata/resourceVersion").asText()).isEqualTo(live().revisionId());
        assertThat(change.live().title()).isEqualTo("LambdaAlias invoice-pdf:live");

        write(change.candidate());

        assertThat(live().routingConfig().additionalVersionWeights()).containsExactly(Map.entry("4", 0.5));
        LambdaAliasChange reread = operations.setWeight(REGION, "invoice-pdf", "live", null, 50);
        assertThat(read(reread.live()).get("spec")).isEqualTo(candidate.get("spec"));
    }

    @Test
    void promoteThenRollBackByWritingTheLiveDocumentAgain() throws Exception {
        LambdaAliasChange promotion = operations.promote(REGION, "invoice-pdf", "live", null);
        JsonNode promoted = read(promotion.candidate());
        assertThat(promoted.at("/spec/functionVersion").asText()).isEqualTo("4");
        assertThat(promoted.at("/spec/routingConfig").isMissingNode()).isTrue();

        write(promotion.candidate());
        assertThat(live().functionVersion()).isEqualTo("4");
        assertThat(live().routingConfig()).isNull();

        // The before-document carries the RevisionId it was read at: written blindly, it is a conflict.
        assertThatThrownBy(() -> write(promotion.live()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.reason()).isEqualTo(GatewayException.Reason.CONFLICT));
        // A rollback writes the before-document on top of the alias as it is now.
        aliases.update(read(promotion.live()), live().revisionId());
        assertThat(live().functionVersion()).isEqualTo("3");
        assertThat(live().routingConfig().additionalVersionWeights()).containsExactly(Map.entry("4", 0.1));
    }

    @Test
    void aCandidateWrittenAfterAConcurrentChangeIsAConflictNotAnOverwrite() throws Exception {
        LambdaAliasChange change = operations.setWeight(REGION, "invoice-pdf", "live", null, 50);
        lambda.updateAlias(r -> r.functionName("invoice-pdf").name("live")
                .routingConfig(c -> c.additionalVersionWeights(Map.of("4", 0.2))));

        assertThatThrownBy(() -> write(change.candidate()))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.reason()).isEqualTo(GatewayException.Reason.CONFLICT));
        assertThat(live().routingConfig().additionalVersionWeights()).containsExactly(Map.entry("4", 0.2));
    }

    @Test
    void promotingANamedVersionSkipsTheCanaryAndAnAliasWithoutCanaryNeedsOne() throws Exception {
        MeshResource straight = operations.promote(REGION, "notify-email", "live", "1").candidate();
        assertThat(read(straight).at("/spec/functionVersion").asText()).isEqualTo("1");

        assertThatThrownBy(() -> operations.promote(REGION, "notify-email", "live", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alias live of notify-email sends all traffic to version 2 and has no canary to promote;"
                        + " name the version to promote");
        assertThatThrownBy(() -> operations.versions(REGION, "no-such-function"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot list the versions of no-such-function: AWS Lambda in eu-west-1 answered"
                        + " 404 ResourceNotFoundException: Function not found");
    }
}
