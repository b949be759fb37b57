package dev.meshdeck.sandbox.kube;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIVersions;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DiscoveryTest {

    private static KubeSandbox sandbox;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        sandbox = KubeSandbox.start(0);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static <T> T get(String path, Class<T> type) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Serialization.unmarshal(response.body(), type);
    }

    @Test
    void coreGroupIsAdvertised() throws Exception {
        assertThat(get("/api?timeout=32s", APIVersions.class).getVersions()).containsExactly("v1");
        assertThat(get("/api/v1?timeout=32s", APIResourceList.class).getResources())
                .extracting(APIResource::getName)
                .contains("namespaces", "pods", "services", "endpoints", "configmaps", "secrets");
    }

    @Test
    void everyGroupIsListedWithItsPreferredVersion() throws Exception {
        assertThat(get("/apis", APIGroupList.class).getGroups())
                .extracting(g -> g.getPreferredVersion().getGroupVersion())
                .contains("apps/v1", "networking.istio.io/v1", "security.istio.io/v1", "serving.knative.dev/v1",
                        "openfaas.com/v1", "kubeless.io/v1beta1", "apiextensions.k8s.io/v1");
    }

    @Test
    void istioResourcesCarryPluralScopeVerbsAndShortNames() throws Exception {
        APIResourceList list = get("/apis/networking.istio.io/v1?timeout=32s", APIResourceList.class);

        assertThat(list.getGroupVersion()).isEqualTo("networking.istio.io/v1");
        APIResource vs = list.getResources().stream().filter(r -> r.getKind().equals("VirtualService")).findFirst()
                .orElseThrow();
        assertThat(vs.getName()).isEqualTo("virtualservices");
        assertThat(vs.getSingularName()).isEqualTo("virtualservice");
        assertThat(vs.getNamespaced()).isTrue();
        assertThat(vs.getShortNames()).containsExactly("vs");
        assertThat(vs.getVerbs()).contains("get", "list", "watch", "create", "update", "patch", "delete");
        assertThat(list.getResources()).extracting(APIResource::getShortNames)
                .contains(List.of("dr"), List.of("gw"));
    }

    @Test
    void knativeServiceIsKsvc() throws Exception {
        assertThat(get("/apis/serving.knative.dev/v1", APIResourceList.class).getResources())
                .filteredOn(r -> r.getKind().equals("Service"))
                .singleElement()
                .satisfies(r -> assertThat(r.getShortNames()).contains("ksvc"));
    }

    @Test
    void groupDocumentNamesItsVersions() throws Exception {
        assertThat(get("/apis/kubeless.io", APIGroup.class).getVersions())
                .extracting(GroupVersionForDiscovery::getVersion).containsExactly("v1beta1");
    }

    @Test
    void versionIsServed() throws Exception {
        assertThat(get("/version?timeout=32s", Map.class)).containsEntry("major", "1");
    }
}
