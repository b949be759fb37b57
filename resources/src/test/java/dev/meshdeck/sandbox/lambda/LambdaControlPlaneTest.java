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
import software.amazon.awssdk.services.lambda.model.ListVersionsByFunctionResponse;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.ProvisionedConcurrencyConfigNotFoundException;
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
    void publishingUnchangedCodeReturnsTheLastVersionAndNewCodeOrConfigurationTheNextOne() {
        assertThat(lambda.listVersionsByFunction(r -> r.functionName("invoice-pdf")).versions())
                .extracting(FunctionConfiguration::version).containsExactly("$LATEST", "1", "2", "3", "4");
        assertThat(lambda.publishVersion(r -> r.functionName("invoice-pdf")).version()).isEqualTo("4");

        String sha = lambda.updateFunctionCode(r -> r.functionName("invoice-pdf")
                .zipFile(SdkBytes.fromUtf8String("new code"))).codeSha256();
        String revision = lambda.getFunction(r -> r.functionName("invoice-pdf")).configuration().revisionId();
        assertThatThrownBy(() -> lambda.publishVersion(r -> r.functionName("invoice-pdf").codeSha256("c3RhbGU=")))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(e.awsErrorDetails()
                        .errorMessage()).startsWith("CodeSHA256 (c3RhbGU=) is different from current CodeSHA256 in $LATEST"));
        assertThatThrownBy(() -> lambda.publishVersion(r -> r.functionName("invoice-pdf").revisionId("stale-revision")))
                .isInstanceOf(PreconditionFailedException.class);
        PublishVersionResponse five = lambda.publishVersion(r -> r.functionName("invoice-pdf").codeSha256(sha)
                .revisionId(revision).description("new renderer"));
        assertThat(five.version()).isEqualTo("5");
        assertThat(five.codeSha256()).isEqualTo(sha);
        assertThat(five.description()).isEqualTo("new renderer");

        lambda.updateFunctionConfiguration(r -> r.functionName("invoice-pdf").memorySize(2048));
        assertThat(lambda.publishVersion(r -> r.functionName("invoice-pdf")).version()).isEqualTo("6");
        assertThat(lambda.getFunctionConfiguration(r -> r.functionName("invoice-pdf").qualifier("5")).memorySize())
                .as("published versions never change").isEqualTo(1024);
    }

    @Test
    void configurationUpdatesChangeLatestWithinLambdasRanges() {
        String revision = lambda.getFunction(r -> r.functionName("notify-email")).configuration().revisionId();

        UpdateFunctionConfigurationResponse updated = lambda.updateFunctionConfiguration(r -> r
                .functionName("notify-email").revisionId(revision).runtime("nodejs22.x").memorySize(512).timeout(20)
                .environment(e -> e.variables(Map.of("SMTP_HOST", "smtp2.meshdeck.example"))));

        assertThat(updated.runtimeAsString()).isEqualTo("nodejs22.x");
        assertThat(updated.memorySize()).isEqualTo(512);
        assertThat(updated.timeout()).isEqualTo(20);
        assertThat(updated.environment().variables()).containsExactly(Map.entry("SMTP_HOST", "smtp2.meshdeck.example"));
        assertThat(updated.revisionId()).isNotEqualTo(revision);
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(r -> r.functionName("notify-email").revisionId(revision)))
                .isInstanceOfSatisfying(PreconditionFailedException.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThatThrownBy(() -> lambda.updateFunctionConfiguration(r -> r.functionName("notify-email").memorySize(64)))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '64' at"
                            + " 'memorySize' failed to satisfy constraint: Member must have value greater than or equal to 128");
                });
    }

    @Test
    void reservedConcurrencyIsSetReadAndRemovedWithinTheAccountPool() {
        assertThat(lambda.getFunctionConcurrency(r -> r.functionName("invoice-pdf")).reservedConcurrentExecutions()).isNull();

        lambda.putFunctionConcurrency(r -> r.functionName("invoice-pdf").reservedConcurrentExecutions(50));

        assertThat(lambda.getFunctionConcurrency(r -> r.functionName("invoice-pdf")).reservedConcurrentExecutions()).isEqualTo(50);
        assertThat(lambda.getFunction(r -> r.functionName("invoice-pdf")).concurrency().reservedConcurrentExecutions())
                .isEqualTo(50);
        assertThatThrownBy(() -> lambda.putFunctionConcurrency(r -> r.functionName("notify-email")
                .reservedConcurrentExecutions(860)))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(e.awsErrorDetails()
                        .errorMessage()).isEqualTo("Specified ReservedConcurrentExecutions for function decreases"
                                + " account's UnreservedConcurrentExecution below its minimum value of [100]."));

        lambda.deleteFunctionConcurrency(r -> r.functionName("invoice-pdf"));
        assertThat(lambda.getFunction(r -> r.functionName("invoice-pdf")).concurrency()).isNull();
    }

    @Test
    void provisionedConcurrencyIsSetOnAnAliasWithinTheReservedConcurrencyAndNeverOnLatest() {
        lambda.putFunctionConcurrency(r -> r.functionName("invoice-pdf").reservedConcurrentExecutions(20));

        lambda.putProvisionedConcurrencyConfig(r -> r.functionName("invoice-pdf").qualifier("live")
                .provisionedConcurrentExecutions(5));

        assertThat(lambda.getProvisionedConcurrencyConfig(r -> r.functionName("invoice-pdf").qualifier("live"))
                .requestedProvisionedConcurrentExecutions()).isEqualTo(5);
        assertThat(lambda.listProvisionedConcurrencyConfigs(r -> r.functionName("invoice-pdf")).provisionedConcurrencyConfigs())
                .singleElement().satisfies(c -> {
                    assertThat(c.functionArn()).endsWith(":function:invoice-pdf:live");
                    assertThat(c.statusAsString()).isEqualTo("READY");
                });
        assertThatThrownBy(() -> lambda.putProvisionedConcurrencyConfig(r -> r.functionName("invoice-pdf").qualifier("live")
                .provisionedConcurrentExecutions(21)))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for function"));
        assertThatThrownBy(() -> lambda.putProvisionedConcurrencyConfig(r -> r.functionName("invoice-pdf").qualifier("$LATEST")
                .provisionedConcurrentExecutions(1))).isInstanceOf(InvalidParameterValueException.class);

        lambda.deleteProvisionedConcurrencyConfig(r -> r.functionName("invoice-pdf").qualifier("live"));
        assertThatThrownBy(() -> lambda.getProvisionedConcurrencyConfig(r -> r.functionName("invoice-pdf").qualifier("live")))
                .isInstanceOf(ProvisionedConcurrencyConfigNotFoundException.class);
    }

    @Test
    void versionsAndAliasesArePagedBeyondOnePage() {
        for (int i = 0; i < 55; i++) {
            byte[] code = ("build " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            lambda.updateFunctionCode(r -> r.functionName("notify-email").zipFile(SdkBytes.fromByteArray(code)));
            lambda.publishVersion(r -> r.functionName("notify-email"));
        }
        for (int i = 0; i < 60; i++) {
            String name = "canary-%02d".formatted(i);
            lambda.createAlias(r -> r.functionName("notify-email").name(name).functionVersion("1"));
        }

        ListVersionsByFunctionResponse firstPage = lambda.listVersionsByFunction(r -> r.functionName("notify-email"));
        assertThat(firstPage.versions()).hasSize(50);
        assertThat(lambda.listVersionsByFunctionPaginator(r -> r.functionName("notify-email").maxItems(7)).versions()
                .stream().map(FunctionConfiguration::version).toList())
                .hasSize(58).doesNotHaveDuplicates().startsWith("$LATEST", "1", "2").endsWith("57");
        assertThat(lambda.listAliasesPaginator(r -> r.functionName("notify-email").maxItems(25)).aliases()
                .stream().map(AliasConfiguration::name).toList())
                .hasSize(61).doesNotHaveDuplicates().contains("canary-00", "canary-59", "live");
        assertThat(lambda.listAliases(r -> r.functionName("notify-email").functionVersion("1").maxItems(100))
                .aliases()).as("MaxItems is capped at one page of 50").hasSize(50);
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
    void invalidWeightsAreRejectedWithLambdasCodesAndWordsAndLeaveTheAliasUnchanged() {
        assertRejected(Map.of("4", 1.5), "3", "ValidationException", "1 validation error detected: Value '{4=1.5}' at"
                + " 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy"
                + " constraint: [Member must have value less than or equal to 1.0, Member must have value greater than"
                + " or equal to 0.0, Member must not be null]");
        assertRejected(Map.of("4", -0.1), "3", "ValidationException", "1 validation error detected: Value '{4=-0.1}'"
                + " at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy"
                + " constraint: [Member must have value less than or equal to 1.0, Member must have value greater than"
                + " or equal to 0.0, Member must not be null]");
        assertRejected(Map.of("$LATEST", 0.1), "3", "ValidationException", "1 validation error detected: Value"
                + " '{$LATEST=0.1}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map keys"
                + " must satisfy constraint: [Member must have length less than or equal to 1024, Member must have"
                + " length greater than or equal to 1, Member must satisfy regular expression pattern: [0-9]+]");
        assertRejected(Map.of("2", 0.1, "4", 0.1), "3", "InvalidParameterValueException",
                "Number of items in AdditionalVersionWeights cannot be greater than 1");
        assertRejected(Map.of("3", 0.1), "3", "InvalidParameterValueException",
                "Invalid function version 3. Function version 3 is already included in routing configuration.");
        assertRejected(Map.of("4", 0.1), "$LATEST", "InvalidParameterValueException",
                "$LATEST is not supported for an alias pointing to more than 1 version");
        assertRejected(Map.of("9", 0.1), "3", "ResourceNotFoundException",
                "Function not found: arn:aws:lambda:eu-west-1:123456789012:function:invoice-pdf:9");

        GetAliasResponse live = lambda.getAlias(r -> r.functionName("invoice-pdf").name("live"));
        assertThat(live.functionVersion()).isEqualTo("3");
        assertThat(live.routingConfig().additionalVersionWeights()).containsExactly(Map.entry("4", 0.1));
    }

    private void assertRejected(Map<String, Double> weights, String primary, String code, String message) {
        assertThatThrownBy(() -> lambda.updateAlias(r -> r.functionName("invoice-pdf").name("live")
                .functionVersion(primary).routingConfig(c -> c.additionalVersionWeights(weights))))
                .as("version %s with weights %s", primary, weights)
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(code.equals("ResourceNotFoundException") ? 404 : 400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
                });
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
