package dev.meshdeck.sandbox.kube;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.client.IstioClient;
import io.fabric8.istio.client.V1APIGroupDSL;
import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The default estate has what conventions.md promises other modules. */
class DefaultEstateTest {

    private static KubeSandbox sandbox;
    private static KubernetesClient client;
    private static V1APIGroupDSL istio;

    @BeforeAll
    static void start() {
        sandbox = KubeSandbox.start(0);
        EstateSeeder.seedDefault(sandbox.client());
        client = sandbox.client();
        istio = client.adapt(IstioClient.class).v1();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void meshNamespacesAreInjected() {
        for (String ns : List.of("serverless", "frontend", "backend", "payments")) {
            assertThat(client.namespaces().withName(ns).get().getMetadata().getLabels())
                    .containsEntry("istio-injection", "enabled");
        }
        assertThat(client.namespaces().withName("istio-system").get()).isNotNull();
    }

    @Test
    void orderFunctionCanaryIsNinetyTen() {
        VirtualService vs = istio.virtualServices().inNamespace("serverless").withName("order-function").get();

        assertThat(vs.getSpec().getHosts()).containsExactly("order-function");
        assertThat(vs.getSpec().getHttp()).singleElement().satisfies(route -> assertThat(route.getRoute())
                .extracting(d -> d.getDestination().getHost(), HTTPRouteDestination::getWeight)
                .containsExactly(tuple("order-function-v1", 90), tuple("order-function-v2", 10)));
        assertThat(client.apps().deployments().inNamespace("serverless").withLabel("app", "order-function").list()
                .getItems()).extracting(d -> d.getMetadata().getLabels().get("version")).containsExactlyInAnyOrder("v1", "v2");
    }

    @Test
    void knativeServicesKeepTheirStatusAndRevisions() {
        Service imageResize = client.adapt(KnativeClient.class).services().inNamespace("serverless")
                .withName("image-resize").get();

        assertThat(imageResize.getStatus().getLatestReadyRevisionName()).isEqualTo("image-resize-00002");
        assertThat(imageResize.getStatus().getConditions())
                .anySatisfy(c -> assertThat(List.of(c.getType(), c.getStatus())).containsExactly("Ready", "True"));
        assertThat(imageResize.getSpec().getTraffic()).extracting(t -> t.getRevisionName(), t -> t.getPercent())
                .containsExactly(tuple("image-resize-00001", 90L), tuple("image-resize-00002", 10L));
        assertThat(client.adapt(KnativeClient.class).revisions().inNamespace("serverless").list().getItems())
                .extracting(r -> r.getMetadata().getName())
                .contains("image-resize-00001", "image-resize-00002", "thumbnail-00003");
    }

    @Test
    void fourteenFunctionsAcrossFourPlatforms() {
        long knative = client.adapt(KnativeClient.class).services().inAnyNamespace().list().getItems().size();
        long openFaas = client.genericKubernetesResources("openfaas.com/v1", "Function").inAnyNamespace().list()
                .getItems().size();
        long kubeless = client.genericKubernetesResources("kubeless.io/v1beta1", "Function").inAnyNamespace().list()
                .getItems().size();
        long plain = client.apps().deployments().inAnyNamespace().list().getItems().stream()
                .map(d -> d.getMetadata().getLabels())
                .filter(l -> "true".equals(l.get("meshdeck.dev/function"))
                        || "function".equals(l.get("app.kubernetes.io/component")))
                .map(l -> l.get("app")).distinct().count();

        assertThat(Map.of("knative", knative, "openfaas", openFaas, "kubeless", kubeless, "kubernetes", plain))
                .isEqualTo(Map.of("knative", 4L, "openfaas", 3L, "kubeless", 1L, "kubernetes", 6L));
    }

    @Test
    void theSeedsMonitoringIsServedWithItsRegexFixedAndItsNamespaceNamed() {
        var monitors = client.genericKubernetesResources("monitoring.coreos.com/v1", "ServiceMonitor").inAnyNamespace().list().getItems();
        assertThat(names(monitors)).containsExactly("istio-system/serverless-functions");
        assertThat(monitors.get(0).get("spec", "namespaceSelector", "matchNames").toString()).isEqualTo("[serverless]");
        var rules = client.genericKubernetesResources("monitoring.coreos.com/v1", "PrometheusRule").inNamespace("istio-system")
                .list().getItems();
        assertThat(names(rules)).containsExactly("istio-system/serverless-functions");
        assertThat(client.genericKubernetesResources("monitoring.coreos.com/v1", "PodMonitor").inAnyNamespace().list().getItems())
                .isEmpty();
    }

    @Test
    void everyIstioResourceOfTheConventionsExists() {
        assertThat(names(istio.virtualServices().inAnyNamespace().list().getItems())).containsExactlyInAnyOrder(
                "serverless/order-function", "frontend/web-bff", "frontend/web-bff-public", "backend/inventory-function",
                "payments/payment-function");
        assertThat(names(istio.destinationRules().inAnyNamespace().list().getItems())).containsExactlyInAnyOrder(
                "serverless/order-function", "frontend/web-bff", "backend/inventory-function", "payments/payment-function",
                "payments/invoice-pdf-lambda", "serverless/default");
        assertThat(names(istio.serviceEntries().inAnyNamespace().list().getItems())).containsExactly("payments/invoice-pdf-lambda");
        assertThat(names(istio.gateways().inAnyNamespace().list().getItems())).containsExactly("istio-system/public-gateway");
        assertThat(names(istio.peerAuthentications().inAnyNamespace().list().getItems()))
                .containsExactlyInAnyOrder("istio-system/default", "payments/default");
        assertThat(names(istio.requestAuthentications().inAnyNamespace().list().getItems()))
                .containsExactly("payments/payments-jwt");
        assertThat(names(istio.authorizationPolicies().inAnyNamespace().list().getItems())).containsExactlyInAnyOrder(
                "backend/inventory-function-allow-frontend", "payments/payment-function-authz");
    }

    @Test
    void recommendationIsDegradedAndItsEndpointsSayWhy() {
        Deployment recommendation = client.apps().deployments().inNamespace("backend").withName("recommendation").get();
        Endpoints endpoints = client.endpoints().inNamespace("backend").withName("recommendation").get();

        assertThat(recommendation.getStatus().getReplicas()).isEqualTo(2);
        assertThat(recommendation.getStatus().getReadyReplicas()).isEqualTo(1);
        assertThat(endpoints.getSubsets().get(0).getAddresses()).hasSize(1);
        assertThat(endpoints.getSubsets().get(0).getNotReadyAddresses()).hasSize(1);
    }

    @Test
    void podsInInjectedNamespacesCarryTheSidecar() {
        List<Pod> pods = client.pods().inNamespace("payments").list().getItems();

        assertThat(pods).isNotEmpty().allSatisfy(pod -> assertThat(pod.getSpec().getContainers())
                .extracting(c -> c.getName()).contains("istio-proxy"));
    }

    private static List<String> names(List<? extends HasMetadata> objects) {
        return objects.stream().map(o -> o.getMetadata().getNamespace() + "/" + o.getMetadata().getName()).toList();
    }
}
