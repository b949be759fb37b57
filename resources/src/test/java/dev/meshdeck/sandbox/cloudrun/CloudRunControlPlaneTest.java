package dev.meshdeck.sandbox.cloudrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's Cloud Run Admin API v2 as plain HTTP/JSON: what the REST transport of Google's client sends. */
class CloudRunControlPlaneTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHECKOUT = "checkout-api";

    private CloudRunControlPlane plane;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        plane = CloudRunControlPlane.start();
    }

    @AfterEach
    void stop() {
        plane.close();
    }

    private Response call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(plane.endpoint() + "/v2/" + plane.parent() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), JSON.readTree(response.body()));
    }

    private String traffic(String etag, int stable, int canary) {
        return "{\"etag\":" + JSON.valueToTree(etag) + ",\"traffic\":["
                + "{\"type\":\"TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION\",\"revision\":\"checkout-api-00001-kiv\",\"percent\":"
                + stable + ",\"tag\":\"stable\"},"
                + "{\"type\":\"TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION\",\"revision\":\"checkout-api-00002-bex\",\"percent\":"
                + canary + ",\"tag\":\"canary\"}]}";
    }

    @Test
    void patchIsALongRunningOperationDoneOnItsFirstPoll() throws Exception {
        String etag = plane.service(CHECKOUT).path("etag").asText();

        Response started = call("PATCH", "/services/" + CHECKOUT + "?updateMask=traffic", traffic(etag, 50, 50));
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.json().path("done").asBoolean()).isFalse();
        String operation = started.json().path("name").asText();
        assertThat(operation).startsWith(plane.parent() + "/operations/");

        Response polled = call("GET", operation.substring(plane.parent().length()), null);
        assertThat(polled.json().path("done").asBoolean()).isTrue();
        assertThat(polled.json().at("/response/@type").asText()).isEqualTo("type.googleapis.com/google.cloud.run.v2.Service");
        assertThat(polled.json().at("/response/trafficStatuses/1/percent").asInt()).isEqualTo(50);
        assertThat(plane.service(CHECKOUT).path("etag").asText()).isNotEqualTo(etag);
    }

    @Test
    void aStaleEtagIsAbortedAndChangesNothing() throws Exception {
        String etag = plane.service(CHECKOUT).path("etag").asText();
        plane.patch(CHECKOUT, JSON.readTree(traffic(etag, 80, 20)));

        Response refused = call("PATCH", "/services/" + CHECKOUT, traffic(etag, 50, 50));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().at("/error/status").asText()).isEqualTo("ABORTED");
        assertThat(plane.service(CHECKOUT).at("/traffic/1/percent").asInt()).isEqualTo(20);
    }

    @Test
    void refusesTrafficThatDoesNotAddUpToAHundredOrNamesAnUnknownRevision() throws Exception {
        Response sum = call("PATCH", "/services/" + CHECKOUT, traffic("", 90, 20));
        assertThat(sum.status()).isEqualTo(400);
        assertThat(sum.json().at("/error/status").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(sum.json().at("/error/message").asText()).contains("add up to 110");

        Response unknown = call("PATCH", "/services/" + CHECKOUT,
                traffic("", 50, 50).replace("checkout-api-00002-bex", "checkout-api-00009-zzz"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/error/message").asText()).contains("checkout-api-00009-zzz");
        assertThat(plane.service(CHECKOUT).at("/traffic/0/percent").asInt()).isEqualTo(90);
    }

    @Test
    void validateOnlyStoresNothing() throws Exception {
        Response checked = call("PATCH", "/services/" + CHECKOUT + "?validateOnly=true", traffic("", 0, 100));
        assertThat(checked.json().path("done").asBoolean()).isTrue();
        assertThat(plane.service(CHECKOUT).at("/traffic/1/percent").asInt()).isEqualTo(10);
    }

    @Test
    void listsRevisionsAndAnEmptyOtherRegion() throws Exception {
        assertThat(call("GET", "/services/" + CHECKOUT + "/revisions", null).json().path("revisions")).hasSize(2);
        HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(plane.endpoint()
                + "/v2/projects/" + CloudRunControlPlane.DEFAULT_PROJECT + "/locations/us-central1/services")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(other.body()).path("services").isMissingNode()).isTrue();
    }

    private record Response(int status, JsonNode json) {
    }
}
