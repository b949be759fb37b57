package dev.meshdeck.sandbox.lambda;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox's GetMetricData as the SDK's CloudWatch client (Smithy RPCv2 CBOR) sees it. */
class CloudWatchMetricDataTest {

    private static final Instant END = Instant.parse("2025-03-03T12:00:00Z");
    private static final Instant START = END.minusSeconds(600);

    private LambdaControlPlane plane;
    private CloudWatchClient cloudWatch;
    private LambdaClient lambda;

    @BeforeEach
    void start() {
        plane = LambdaControlPlane.start().seedDefault();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDSANDBOX", "throwaway"));
        cloudWatch = CloudWatchClient.builder().httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(plane.endpoint()).region(Region.EU_WEST_1).credentialsProvider(credentials).build();
        lambda = LambdaClient.builder().httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(plane.endpoint()).region(Region.EU_WEST_1).credentialsProvider(credentials).build();
    }

    @AfterEach
    void stop() {
        cloudWatch.close();
        lambda.close();
        plane.close();
    }

    @Test
    void perVersionInvocationsFollowTheAliasWeights() {
        assertThat(canaryShare()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.01));

        String revision = lambda.getAlias(r -> r.functionName("invoice-pdf").name("live")).revisionId();
        lambda.updateAlias(r -> r.functionName("invoice-pdf").name("live").revisionId(revision)
                .routingConfig(c -> c.additionalVersionWeights(Map.of("4", 0.5))));

        assertThat(canaryShare()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
    }

    private double canaryShare() {
        GetMetricDataResponse answer = get(
                query("v3", "Invocations", "Sum", "invoice-pdf", "invoice-pdf:live", "3"),
                query("v4", "Invocations", "Sum", "invoice-pdf", "invoice-pdf:live", "4"));
        double v3 = sum(answer.metricDataResults().get(0));
        double v4 = sum(answer.metricDataResults().get(1));
        return v4 / (v3 + v4);
    }

    @Test
    void everySeriesHasOnePointPerPeriodNewestFirst() {
        GetMetricDataResponse answer = get(
                query("calls", "Invocations", "Sum", "invoice-pdf", null, null),
                query("errors", "Errors", "Sum", "invoice-pdf", null, null),
                query("slow", "Duration", "p95", "invoice-pdf", "invoice-pdf:live", null),
                query("throttled", "Throttles", "Sum", "invoice-pdf", null, null));

        MetricDataResult calls = answer.metricDataResults().get(0);
        assertThat(calls.id()).isEqualTo("calls");
        assertThat(calls.statusCode()).isEqualTo(StatusCode.COMPLETE);
        assertThat(calls.timestamps()).hasSize(10).startsWith(END.minusSeconds(60)).endsWith(START);
        assertThat(calls.values()).allSatisfy(v -> assertThat(v).isPositive());
        MetricDataResult errors = answer.metricDataResults().get(1);
        for (int i = 0; i < 10; i++) {
            assertThat(errors.values().get(i)).isPositive().isLessThan(calls.values().get(i) * 0.05);
        }
        assertThat(answer.metricDataResults().get(2).values()).allSatisfy(p95 -> assertThat(p95).isBetween(40.0, 30_000.0));
        assertThat(answer.metricDataResults().get(3).values()).allSatisfy(t -> assertThat(t).isLessThan(5.0));
    }

    @Test
    void aFunctionWithNoReservedConcurrencyIsThrottled() {
        lambda.putFunctionConcurrency(r -> r.functionName("notify-email").reservedConcurrentExecutions(0));

        GetMetricDataResponse answer = get(query("calls", "Invocations", "Sum", "notify-email", null, null),
                query("throttled", "Throttles", "Sum", "notify-email", null, null));

        assertThat(answer.metricDataResults().get(0).values()).containsOnly(0.0);
        assertThat(answer.metricDataResults().get(1).values()).allSatisfy(t -> assertThat(t).isGreaterThan(100.0));
    }

    @Test
    void seriesThatMatchNothingAreCompleteAndEmpty() {
        GetMetricDataResponse answer = get(query("ghost", "Invocations", "Sum", "no-such-function", null, null),
                query("version", "Invocations", "Sum", "invoice-pdf", null, "3"));

        assertThat(answer.metricDataResults()).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(StatusCode.COMPLETE);
            assertThat(r.values()).isEmpty();
        });
    }

    @Test
    void invalidRequestsAreCloudWatchErrors() {
        assertThatThrownBy(() -> cloudWatch.getMetricData(r -> r.startTime(END).endTime(START)
                .metricDataQueries(query("calls", "Invocations", "Sum", "invoice-pdf", null, null))))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("The parameter StartTime must be less than the parameter EndTime.");
                });
        assertThatThrownBy(() -> get(MetricDataQuery.builder().id("math").expression("SUM(METRICS())").build()))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("metric math");
    }

    private GetMetricDataResponse get(MetricDataQuery... queries) {
        return cloudWatch.getMetricData(r -> r.startTime(START).endTime(END).metricDataQueries(queries));
    }

    private static double sum(MetricDataResult result) {
        return result.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    static MetricDataQuery query(String id, String metric, String stat, String function, String resource,
                                 String executedVersion) {
        List<Dimension> dimensions = new ArrayList<>();
        dimensions.add(Dimension.builder().name("FunctionName").value(function).build());
        if (resource != null) {
            dimensions.add(Dimension.builder().name("Resource").value(resource).build());
        }
        if (executedVersion != null) {
            dimensions.add(Dimension.builder().name("ExecutedVersion").value(executedVersion).build());
        }
        return MetricDataQuery.builder().id(id).metricStat(s -> s.period(60).stat(stat)
                .metric(m -> m.namespace("AWS/Lambda").metricName(metric).dimensions(dimensions))).build();
    }
}
