package dev.meshdeck.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The API server's service proxy: the sandbox has services but runs nothing behind them. */
class ServiceProxyTest {

    private static KubeSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = KubeSandbox.start(0);
        sandbox.client().namespaces().resource(new NamespaceBuilder()
                .withNewMetadata().withName("istio-system").endMetadata().build()).create();
        sandbox.client().services().inNamespace("istio-system").resource(new ServiceBuilder()
                .withNewMetadata().withName("prometheus").endMetadata()
                .withNewSpec().addNewPort().withPort(9090).endPort().endSpec().build()).create();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anExistingServiceIsUnavailableLikeOneWithNothingListening() throws Exception {
        HttpResponse<String> response = get("/api/v1/namespaces/istio-system/services/prometheus:9090/proxy/api/v1/query?query=up");

        JsonNode status = new ObjectMapper().readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(status.path("reason").asText()).isEqualTo("ServiceUnavailable");
        assertThat(status.path("message").asText()).startsWith("error trying to reach service istio-system/prometheus");
    }

    @Test
    void aServedServiceAnswersWithWhatListensBehindIt() throws Exception {
        sandbox.client().services().inNamespace("istio-system").resource(new ServiceBuilder()
                .withNewMetadata().withName("echo").endMetadata()
                .withNewSpec().addNewPort().withPort(8080).endPort().endSpec().build()).create();
        sandbox.serve("istio-system", "echo", pathAndQuery -> new ServiceBackend.Reply(202, "text/plain", "got " + pathAndQuery));

        HttpResponse<String> response = get("/api/v1/namespaces/istio-system/services/echo:8080/proxy/api/v1/alerts?x=1");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("got api/v1/alerts?x=1");
    }

    @Test
    void aMissingServiceIsNotFound() throws Exception {
        HttpResponse<String> response = get("/api/v1/namespaces/istio-system/services/grafana:3000/proxy/");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(new ObjectMapper().readTree(response.body()).path("message").asText()).isEqualTo("services \"grafana\" not found");
    }
}
