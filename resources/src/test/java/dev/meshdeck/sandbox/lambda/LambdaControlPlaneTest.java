package dev.meshdeck.sandbox.lambda;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.UpdateAliasResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox as the real AWS SDK v2 sees it. */
class LambdaControlPlaneTest {

    private LambdaControlPlane plane;
    private LambdaClient lambda;

    @BeforeEach
    void start() {
        plane = LambdaControlPlane.start().seedDefault();
        lambda = client("eu-west-1");
    }

    @AfterEach
    void stop() {
        lambda.close();
        plane.close();
    }

    private LambdaClient client(String region) {
        return LambdaClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(plane.endpoint())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSANDBOX", "throwaway")))
                .build();
    }

    @Test
    void listsSeededFunctionsWithTheirConfiguration() {
        List<FunctionConfiguration> functions = lambda.listFunctions().functions();

        assertThat(functions).extracting(FunctionConfiguration::functionName)
                .containsExactly("invoice-pdf", "notify-email", "report-export", "thumbnail-lambda");
        FunctionConfiguration invoice = functions.get(0);
        assertThat(invoice.functionArn()).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:invoice-pdf");
        assertThat(invoice.runtimeAsString()).isEqualTo("java17");
        assertThat(invoice.memorySize()).isEqualTo(1024);
        assertThat(invoice.timeout()).isEqualTo(30);
        assertThat(invoice.state()).isEqualTo(State.ACTIVE);
        assertThat(invoice.version()).isEqualTo("$LATEST");
        assertThat(invoice.environment().variables()).containsEntry("INVOICE_BUCKET", "meshdeck-invoices-eu-west-1");
        assertThat(invoice.codeSha256()).isNotBlank();
        assertThat(invoice.revisionId()).isNotBlank();
        assertThat(invoice.lastModified()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        assertThat(functions.get(2).state()).isEqualTo(State.INACTIVE);
    }

    @Test
    void paginatorWalksEveryPageOfALargeAccount() {
        plane.seedSynthetic(120);

        List<String> names = lambda.listFunctionsPaginator().functions().stream()
                .map(FunctionConfiguration::functionName).toList();

        assertThat(plane.functionCount()).isEqualTo(124);
        assertThat(names).hasSize(124).doesNotHaveDuplicates().contains("synthetic-fn-0001", "synthetic-fn-0120");
        assertThat(lambda.listFunctions(r -> r.maxItems(50)).nextMarker()).isNotNull();
    }

    @Test
    void getFunctionAndQualifiedConfigurationResolveVersionsAndAliases() {
        GetFunctionResponse function = lambda.getFunction(r -> r.functionName("invoice-pdf"));
        assertThat(function.tags()).containsEntry("team", "payments");
        assertThat(function.configuration().version()).isEqualTo("$LATEST");

        GetFunctionConfigurationResponse live = lambda.getFunctionConfiguration(r -> r.functionName("invoice-pdf").qualifier("live"));
        assertThat(live.version()).isEqualTo("3");
        assertThat(live.functionArn()).endsWith(":function:invoice-pdf:3");

        GetFunctionConfigurationResponse byArn = lambda.getFunctionConfiguration(
                r -> r.functionName("arn:aws:lambda:eu-west-1:123456789012:function:invoice-pdf:2"));
        assertThat(byArn.version()).isEqualTo("2");
        assertThat(byArn.codeSha256()).isNotEqualTo(live.codeSha256());
    }

    @Test
    void versionsAreListedAfterLatestAndPublishingAddsTheNextOne() {
        assertThat(lambda.listVersionsByFunction(r -> r.functionName("invoice-pdf")).versions())
                .extracting(FunctionConfiguration::version).containsExactly("$LATEST", "1", "2", "3", "4");

        String revision = lambda.getFunction(r -> r.functionName("invoice-pdf")).configuration().revisionId();
        assertThat(lambda.publishVersion(r -> r.functionName("invoice-pdf").revisionId(revision)).version()).isEqualTo("5");

        assertThatThrownBy(() -> lambda.publishVersion(r -> r.functionName("invoice-pdf").revisionId("stale-revision")))
                .isInstanceOf(PreconditionFailedException.class);
    }

    @Test
    void invoicePdfLiveAliasSendsTenPercentToVersionFour() {
        GetAliasResponse live = lambda.getAlias(r -> r.functionName("invoice-pdf").name("live"));

        assertThat(live.functionVersion()).isEqualTo("3");
        assertThat(live.routingConfig().additionalVersionWeights()).containsExactly(Map.entry("4", 0.1));
        assertThat(live.aliasArn()).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:invoice-pdf:live");
        assertThat(lambda.listAliases(r -> r.functionName("invoice-pdf")).aliases())
                .extracting(AliasConfiguration::name).containsExactly("live", "staging");
    }

    @Test
    void updatedWeightIsReadBackWithANewRevision() {
        GetAliasResponse before = lambda.getAlias(r -> r.functionName("invoice-pdf").name("live"));

        UpdateAliasResponse updated = lambda.updateAlias(r -> r.functionName("invoice-pdf").name("live")
                .functionVersion("3").revisionId(before.revisionId())
                .routingConfig(c -> c.additionalVersionWeights(Map.of("4", 0.5))));

        assertThat(updated.revisionId()).isNotEqualTo(before.revisionId());
        GetAliasResponse after = lambda.getAlias(r -> r.functionName("invoice-pdf").name("live"));
        assertThat(after.routingConfig().additionalVersionWeights()).containsExactly(Map.entry("4", 0.5));
        assertThat(after.revisionId()).isEqualTo(updated.revisionId());
    }

    @Test
    void promotingClearsTheWeights() {
        lambda.updateAlias(r -> r.functionName("invoice-pdf").name("live").functionVersion("4")
                .routingConfig(c -> c.additionalVersionWeights(Map.of())));

        GetAliasResponse live = lambda.getAlias(r -> r.functionName("invoice-pdf").name("live"));
        assertThat(live.functionVersion()).isEqualTo("4");
        assertThat(live.routingConfig()).isNull();
    }

    @Test
    void staleRevisionIsAPreconditionFailure() {
        assertThatThrownBy(() -> lambda.updateAlias(r -> r.functionName("invoice-pdf").name("live")
                .revisionId("00000000-0000-0000-0000-000000000000")
                .routingConfig(c -> c.additionalVersionWeights(Map.of("4", 0.2)))))
                .isInstanceOfSatisfying(PreconditionFailedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(412);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailedException");
                });
        assertThat(lambda.getAlias(r -> r.functionName("invoice-pdf").name("live")).routingConfig()
                .additionalVersionWeights()).containsEntry("4", 0.1);
    }

    @Test
    void unknownFunctionAndAliasAreNotFound() {
        assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("no-such-function")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("no-such-function");
                });
        assertThatThrownBy(() -> lambda.getAlias(r -> r.functionName("invoice-pdf").name("nope")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void invalidWeightsAreRejectedAndLeaveTheAliasUnchanged() {
        assertInvalidWeights(Map.of("4", 1.5));
        assertInvalidWeights(Map.of("4", -0.1));
        assertInvalidWeights(Map.of("2", 0.1, "4", 0.1));
        assertInvalidWeights(Map.of("$LATEST", 0.1));
        assertInvalidWeights(Map.of("3", 0.1));
        assertInvalidWeights(Map.of("9", 0.1));
        assertThatThrownBy(() -> lambda.updateAlias(r -> r.functionName("invoice-pdf").name("live")
                .functionVersion("$LATEST").routingConfig(c -> c.additionalVersionWeights(Map.of("4", 0.1)))))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("$LATEST");

        GetAliasResponse live = lambda.getAlias(r -> r.functionName("invoice-pdf").name("live"));
        assertThat(live.functionVersion()).isEqualTo("3");
        assertThat(live.routingConfig().additionalVersionWeights()).containsExactly(Map.entry("4", 0.1));
    }

    private void assertInvalidWeights(Map<String, Double> weights) {
        assertThatThrownBy(() -> lambda.updateAlias(r -> r.functionName("invoice-pdf").name("live")
                .routingConfig(c -> c.additionalVersionWeights(weights))))
                .as("weights %s", weights)
                .isInstanceOfSatisfying(InvalidParameterValueException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
    }

    @Test
    void aliasesAreCreatedOnceAndDeleted() {
        lambda.createAlias(r -> r.functionName("notify-email").name("canary").functionVersion("1")
                .routingConfig(c -> c.additionalVersionWeights(Map.of("2", 0.05))));

        assertThat(lambda.getAlias(r -> r.functionName("notify-email").name("canary")).functionVersion()).isEqualTo("1");
        assertThatThrownBy(() -> lambda.createAlias(r -> r.functionName("notify-email").name("canary").functionVersion("2")))
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));

        lambda.deleteAlias(r -> r.functionName("notify-email").name("canary"));
        assertThatThrownBy(() -> lambda.getAlias(r -> r.functionName("notify-email").name("canary")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void invokingTheAliasFollowsItsWeights() {
        Map<String, Integer> executed = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            InvokeResponse response = lambda.invoke(r -> r.functionName("invoice-pdf").qualifier("live")
                    .payload(SdkBytes.fromUtf8String("{}")));
            executed.merge(response.executedVersion(), 1, Integer::sum);
            assertThat(response.payload().asUtf8String()).contains("\"function\":\"invoice-pdf\"");
        }

        assertThat(executed.keySet()).containsExactlyInAnyOrder("3", "4");
        assertThat(executed.get("4")).isBetween(20, 60);
        assertThat(lambda.invoke(r -> r.functionName("invoice-pdf")).executedVersion()).isEqualTo("$LATEST");
        assertThat(lambda.invoke(r -> r.functionName("invoice-pdf").qualifier("2")).executedVersion()).isEqualTo("2");
    }

    @Test
    void anotherRegionOfTheSameAccountIsEmpty() {
        try (LambdaClient usEast = client("us-east-1")) {
            assertThat(usEast.listFunctions().functions()).isEmpty();
            assertThatThrownBy(() -> usEast.getFunction(r -> r.functionName("invoice-pdf")))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void unknownOperationIsAServiceErrorNotACrash() {
        assertThatThrownBy(() -> lambda.listLayers())
                .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }
}
