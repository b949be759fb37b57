package dev.meshdeck.connectors.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshdeck.core.monitoring.ActiveAlert;
import dev.meshdeck.sandbox.lambda.LambdaControlPlane;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** CloudWatch alarms on Lambda functions, written and read with the SDK's CloudWatch client against the sandbox. */
class LambdaAlarmsTest {

    private LambdaControlPlane plane;

    @BeforeEach
    void start() {
        plane = LambdaControlPlane.start().seedDefault();
    }

    @AfterEach
    void stop() {
        plane.close();
    }

    private LambdaAlarms alarms() {
        return new LambdaAlarms(AwsSettings.sandbox(plane.endpoint(), List.of("eu-west-1")), "eu-west-1");
    }

    private CloudWatchClient cloudWatch() {
        return CloudWatchClient.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(plane.endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "throwaway")))
                .build();
    }

    @Test
    void theSandboxsSlowAliasIsInAlarmOnItsP95Duration() throws Exception {
        try (LambdaAlarms alarms = alarms()) {
            assertThat(alarms.read()).singleElement().satisfies(a -> {
                assertThat(a.function()).hasValue("thumbnail-lambda");
                assertThat(a.name()).isEqualTo("thumbnail-lambda-prod-p95-duration");
                assertThat(a.source()).isEqualTo("cloudwatch:eu-west-1");
                assertThat(a.state()).isEqualTo(ActiveAlert.State.FIRING);
                assertThat(a.value()).as("the p95 evaluated, above the 400 ms threshold").isGreaterThan(400);
                assertThat(a.labels()).containsEntry("Resource", "thumbnail-lambda:prod").containsEntry("metric", "Duration");
                assertThat(a.summary()).hasValue("p95 latency of thumbnail-lambda:prod above 400 ms");
            });
        }
    }

    @Test
    void alarmsPutWithTheSdkAreEvaluatedAndListedOnlyWhileBreachingAndDeletedAgain() throws Exception {
        try (LambdaAlarms alarms = alarms(); CloudWatchClient cloudWatch = cloudWatch()) {
            cloudWatch.putMetricAlarm(r -> r.alarmName("invoice-pdf-errors").namespace("AWS/Lambda").metricName("Errors")
                    .dimensions(d -> d.name("FunctionName").value("invoice-pdf")).statistic(Statistic.SUM).period(60)
                    .evaluationPeriods(1).threshold(0.0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
            cloudWatch.putMetricAlarm(r -> r.alarmName("notify-email-p95").namespace("AWS/Lambda").metricName("Duration")
                    .dimensions(d -> d.name("FunctionName").value("notify-email")).extendedStatistic("p95").period(60)
                    .evaluationPeriods(2).threshold(60_000.0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
            assertThat(cloudWatch.describeAlarms(r -> r.alarmNamePrefix("notify")).metricAlarms())
                    .singleElement().satisfies(a -> assertThat(a.stateValueAsString()).isEqualTo("OK"));
            assertThat(alarms.read()).extracting(ActiveAlert::function)
                    .containsExactlyInAnyOrder(Optional.of("thumbnail-lambda"), Optional.of("invoice-pdf"));

            cloudWatch.deleteAlarms(r -> r.alarmNames("invoice-pdf-errors"));
            assertThat(alarms.read()).extracting(ActiveAlert::name).containsExactly("thumbnail-lambda-prod-p95-duration");
            assertThatThrownBy(() -> cloudWatch.deleteAlarms(r -> r.alarmNames("invoice-pdf-errors")))
                    .isInstanceOf(CloudWatchException.class).hasMessageContaining("invoice-pdf-errors");
            assertThatThrownBy(() -> cloudWatch.putMetricAlarm(r -> r.alarmName("both").namespace("AWS/Lambda").metricName("Errors")
                    .statistic(Statistic.SUM).extendedStatistic("p95").period(60).evaluationPeriods(1).threshold(1.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)))
                    .isInstanceOf(CloudWatchException.class).hasMessageContaining("Exactly one of Statistic and ExtendedStatistic");
        }
    }
}
