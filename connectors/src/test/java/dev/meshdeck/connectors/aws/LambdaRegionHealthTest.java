package dev.meshdeck.connectors.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.connectors.kube.EventRecorder;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.sandbox.lambda.LambdaControlPlane;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Issue #23 for AWS regions: a Lambda endpoint that stops answering makes its region stale (functions kept, with
 * their age) through the probe, long before the next list; its return lists it again and says so.
 */
class LambdaRegionHealthTest {

    private static final long PATIENCE_MILLIS = 60_000;
    private static final String REGION_LABEL = LambdaControlPlane.DEFAULT_ACCOUNT + "/" + LambdaControlPlane.DEFAULT_REGION;

    private LambdaControlPlane plane;

    @AfterEach
    void stop() {
        if (plane != null) {
            plane.close();
        }
    }

    @Test
    void aSilentRegionIsStaleThroughTheProbeAndListedAgainWhenItAnswers() {
        plane = LambdaControlPlane.start().seedDefault();
        int port = plane.endpoint().getPort();
        // a list once an hour: only the probe can notice the silence during this test
        AwsSettings settings = AwsSettings.sandbox(plane.endpoint(), List.of(LambdaControlPlane.DEFAULT_REGION))
                .withPollInterval(Duration.ofHours(1));
        EventRecorder events = new EventRecorder();
        try (LambdaCatalog catalog = new LambdaCatalog(settings)) {
            catalog.start(events, true);
            SourceStatus connected = events.awaitState(REGION_LABEL, SourceStatus.State.CONNECTED, 0, PATIENCE_MILLIS);
            assertThat(connected.lastHeard()).isNotNull();

            plane.close();
            int from = events.size();
            SourceStatus stale = events.awaitState(REGION_LABEL, SourceStatus.State.STALE, from, PATIENCE_MILLIS);
            assertThat(stale.message()).startsWith("Cannot reach AWS Lambda for region eu-west-1");
            assertThat(stale.lastHeard()).isAfterOrEqualTo(connected.lastHeard());
            assertThat(events.events().subList(from, events.size())).as("the region's functions are kept while it is silent")
                    .noneMatch(e -> e instanceof InventoryEvent.SourceLoaded || e instanceof InventoryEvent.SourceRemoved);

            plane = LambdaControlPlane.start(port, LambdaControlPlane.DEFAULT_REGION, LambdaControlPlane.DEFAULT_ACCOUNT).seedDefault();
            int back = events.size();
            SourceStatus again = events.awaitState(REGION_LABEL, SourceStatus.State.CONNECTED, back, PATIENCE_MILLIS);
            assertThat(again.message()).matches("reconnected; \\d+ changes? while away \\(4 Lambda functions\\)");
            assertThat(events.events().subList(back, events.size())).anyMatch(e -> e instanceof InventoryEvent.SourceLoaded);
        }
    }

    @Test
    void aFailureSaysWhetherTheRegionIsSilentThrottlingOrRefusing() {
        SdkClientException refused = SdkClientException.create("Unable to execute HTTP request", new ConnectException("refused"));
        assertThat(AwsFailureMessage.state(refused, true)).isEqualTo(SourceStatus.State.STALE);
        assertThat(AwsFailureMessage.state(refused, false)).as("never reached").isEqualTo(SourceStatus.State.FAILED);
        assertThat(AwsFailureMessage.state(service(503, "ServiceUnavailableException"), true)).isEqualTo(SourceStatus.State.STALE);
        assertThat(AwsFailureMessage.state(service(429, "TooManyRequestsException"), true)).isEqualTo(SourceStatus.State.DEGRADED);
        assertThat(AwsFailureMessage.state(service(403, "ExpiredTokenException"), true)).isEqualTo(SourceStatus.State.FAILED);
        assertThat(AwsFailureMessage.state(service(403, "AccessDeniedException"), true)).isEqualTo(SourceStatus.State.FAILED);
    }

    private static AwsServiceException service(int status, String code) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }
}
