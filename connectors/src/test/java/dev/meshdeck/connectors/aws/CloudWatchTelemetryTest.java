package dev.meshdeck.connectors.aws;

import dev.meshdeck.core.telemetry.EdgeKey;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TelemetryException;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TrafficStats;
import dev.meshdeck.sandbox.lambda.LambdaControlPlane;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CloudWatch telemetry through the SDK's CloudWatch client against the sandbox's simulated metrics. */
class CloudWatchTelemetryTest {

    private static final Duration WINDOW = Duration.ofMinutes(5);

    private LambdaControlPlane plane;

    @BeforeEach
    void start() {
        plane = LambdaControlPlane.start().seedDefault();
    }

    @AfterEach
    void stop() {
        System.clearProperty("aws.endpointUrlLambda");
        System.clearProperty("aws.endpointUrlCloudWatch");
        plane.close();
    }

    private CloudWatchTelemetry telemetry() {
        return new CloudWatchTelemetry(AwsSettings.sandbox(plane.endpoint(), List.of("eu-west-1")), "eu-west-1");
    }

    private static double perSecond(TelemetrySnapshot snapshot, ServiceRef node, String version) {
        return snapshot.edges().get(new EdgeKey(ServiceRef.UNKNOWN, node, version)).requestsPerSecond();
    }

    @Test
    void functionsAreNodesAndVersionsFollowTheAliasWeights() throws TelemetryException {
        try (CloudWatchTelemetry telemetry = telemetry(); LambdaClient lambda = lambda()) {
            ServiceRef invoicePdf = new ServiceRef("aws::eu-west-1", "", "invoice-pdf");
            TelemetrySnapshot before = telemetry.fetch(WINDOW);

            TrafficStats node = before.nodes().get(invoicePdf);
            assertThat(node.requestsPerSecond()).isPositive();
            assertThat(node.errorRatio()).isBetween(0.0, 0.05);
            assertThat(node.hasLatency()).isTrue();
            assertThat(before.edges().get(new EdgeKey(ServiceRef.UNKNOWN, invoicePdf, ""))).isEqualTo(node);
            assertThat(before.nodes()).containsKeys(new ServiceRef("aws::eu-west-1", "", "notify-email"),
                    new ServiceRef("aws::eu-west-1", "", "thumbnail-lambda"));

            lambda.updateAlias(r -> r.functionName("invoice-pdf").name("live")
                    .routingConfig(c -> c.additionalVersionWeights(Map.of("4", 0.5))));
            TelemetrySnapshot after = telemetry.fetch(WINDOW);

            // version 3 runs only behind live, which now gives it 50% instead of 90%; staging adds to version 4
            assertThat(perSecond(after, invoicePdf, "3"))
                    .isCloseTo(perSecond(before, invoicePdf, "3") * 5 / 9, Offset.offset(perSecond(before, invoicePdf, "3") * 0.05));
            assertThat(perSecond(after, invoicePdf, "4")).isGreaterThan(perSecond(before, invoicePdf, "4"));
        }
    }

    @Test
    void rowsPerFunctionAliasAndVersionBehindIt() throws TelemetryException {
        try (CloudWatchTelemetry telemetry = telemetry()) {
            List<LambdaMetric> rows = telemetry.metrics(WINDOW, "invoice-pdf");

            assertThat(rows).extracting(r -> r.alias() + "/" + r.version())
                    .containsExactly("/", "live/", "live/3", "live/4", "staging/", "staging/4");
            LambdaMetric live = rows.get(1);
            assertThat(rows.get(3).invocations() / live.invocations()).isCloseTo(0.1, Offset.offset(0.01));
            // CloudWatch counts whole calls per one-minute datapoint: each of the window's datapoints (one more
            // than its minutes when it starts mid-minute) may round the two versions' sum off by one
            double datapoints = WINDOW.toMinutes() + 1;
            assertThat(rows.get(2).invocations() + rows.get(3).invocations())
                    .isCloseTo(live.invocations(), Offset.offset(datapoints));
            assertThat(rows.get(0).invocations()).isGreaterThan(live.invocations() + rows.get(4).invocations() - 1);
            assertThat(live.errors()).isLessThan(live.invocations());
        }
    }

    @Test
    void sdkEndpointSettingsForLambdaAndCloudWatchAreHonoured() throws TelemetryException {
        System.setProperty("aws.endpointUrlLambda", plane.endpoint().toString());
        System.setProperty("aws.endpointUrlCloudWatch", plane.endpoint().toString());
        AwsSettings noOverride = new AwsSettings(null, List.of("eu-west-1"), null, null, null, true);

        try (CloudWatchTelemetry telemetry = new CloudWatchTelemetry(noOverride, "eu-west-1")) {
            assertThat(telemetry.name()).isEqualTo("cloudwatch eu-west-1 " + plane.endpoint());
            assertThat(telemetry.fetch(WINDOW).nodes()).hasSize(4);
        }
    }

    @Test
    void unreachableCloudWatchIsATelemetryErrorNamingItsEndpoint() {
        URI dead;
        try (LambdaControlPlane closed = LambdaControlPlane.start()) {
            dead = closed.endpoint();
        }
        System.setProperty("aws.endpointUrlLambda", plane.endpoint().toString());
        System.setProperty("aws.endpointUrlCloudWatch", dead.toString());
        AwsSettings settings = new AwsSettings(null, List.of("eu-west-1"), null, Duration.ofSeconds(5), null, true);

        try (CloudWatchTelemetry telemetry = new CloudWatchTelemetry(settings, "eu-west-1")) {
            assertThatThrownBy(() -> telemetry.fetch(WINDOW)).isInstanceOf(TelemetryException.class)
                    .hasMessageStartingWith("Cannot reach AWS CloudWatch for region eu-west-1 at " + dead)
                    .hasMessageContaining("AWS_ENDPOINT_URL_CLOUDWATCH");
        }
    }

    private LambdaClient lambda() {
        return LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(plane.endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "throwaway")))
                .build();
    }

    @Test
    void theProbeAsksListMetricsAndSaysWhenCloudWatchStopsAnswering() throws Exception {
        try (CloudWatchTelemetry telemetry = telemetry()) {
            assertThat(telemetry.probe()).isTrue();

            plane.close();

            assertThatThrownBy(telemetry::probe).isInstanceOf(TelemetryException.class)
                    .hasMessageContaining("eu-west-1");
        }
    }
}
