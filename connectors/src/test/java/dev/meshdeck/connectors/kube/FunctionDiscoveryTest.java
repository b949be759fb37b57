package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TrafficShare;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchBuilder;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.networking.v1.VirtualServiceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.meshdeck.connectors.kube.ClusterFixtures.to;
import static org.assertj.core.api.Assertions.assertThat;

/** Recognition rules on objects held in memory: no API server involved. */
class FunctionDiscoveryTest {

    private static final SourceRef.KubeContext DEV = new SourceRef.KubeContext("dev", "kind", "https://127.0.0.1:6443");

    private static Deployment deployment(String name, Map<String, String> labels, String ownerKind, String ownerApiVersion) {
        DeploymentBuilder d = new DeploymentBuilder()
                .withNewMetadata().withNamespace("serverless").withName(name).withLabels(labels).endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(labels).endSelector().endSpec();
        if (ownerKind != null) {
            d.editMetadata().addNewOwnerReference().withKind(ownerKind).withApiVersion(ownerApiVersion)
                    .withName(name).endOwnerReference().endMetadata();
        }
        return d.build();
    }

    private static List<ServerlessFunction> discover(FunctionLabelRules rules, List<Deployment> deployments,
                                                     List<VirtualService> virtualServices) {
        Map<KubeKind<?>, List<? extends HasMetadata>> lists = Map.of(
                KubeKind.DEPLOYMENTS, deployments, KubeKind.VIRTUAL_SERVICES, virtualServices);
        return new FunctionDiscovery(rules).discover(ClusterObjects.ofModels(lists, Set.of()), DEV).values().stream()
                .map(DiscoveredFunction::function)
                .toList();
    }

    @Test
    void deploymentsRunByAnotherPlatformAreNeverPlainFunctions() {
        Map<String, String> marked = Map.of("meshdeck.dev/function", "true");
        List<Deployment> deployments = List.of(
                deployment("image-resize-00001-deployment", marked, "Revision", "serving.knative.dev/v1"),
                deployment("pdf-render", marked, "Function", "openfaas.com/v1"),
                deployment("legacy-cron", Map.of("meshdeck.dev/function", "true", "function", "legacy-cron",
                        "created-by", "kubeless"), null, null),
                deployment("report", Map.of("meshdeck.dev/function", "true", "function", "report"), null, null));

        assertThat(discover(FunctionLabelRules.DEFAULT, deployments, List.of()))
                .extracting(ServerlessFunction::name).containsExactly("report");
    }

    @Test
    void customLabelRulesDecideWhichDeploymentsAreFunctions() {
        List<Deployment> deployments = List.of(
                deployment("resize", Map.of("tier", "serverless"), null, null),
                deployment("marked", Map.of("meshdeck.dev/function", "true"), null, null));

        assertThat(discover(FunctionLabelRules.parse("tier=serverless"), deployments, List.of()))
                .extracting(ServerlessFunction::name).containsExactly("resize");
    }

    @Test
    void aDeploymentLabelledOnlyOnItsPodTemplateMatchesByThoseLabels() {
        // the seed's function-with-sidecar: no labels of its own, app and version on the pods it makes
        Map<String, String> pods = Map.of("app", "user-function", "version", "v1");
        Deployment d = new DeploymentBuilder()
                .withNewMetadata().withNamespace("serverless").withName("function-with-sidecar").endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().withMatchLabels(Map.of("app", "user-function")).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(pods).endMetadata().endTemplate().endSpec()
                .build();

        List<ServerlessFunction> found = discover(FunctionLabelRules.parse("app=user-function"), List.of(d), List.of());

        assertThat(found).extracting(ServerlessFunction::name).containsExactly("user-function");
        assertThat(found.get(0).traffic()).extracting(TrafficShare::version).containsExactly("v1");
    }

    @Test
    void headerBasedRoutingReportsTheCatchAllRouteAndItsSubsets() {
        Deployment webBff = deployment("web-bff", Map.of("app", "web-bff", "meshdeck.dev/function", "true"), null, null);
        VirtualService vs = new VirtualServiceBuilder()
                .withNewMetadata().withNamespace("serverless").withName("web-bff").endMetadata()
                .withNewSpec().withHosts("web-bff.serverless.svc.cluster.local")
                .withHttp(new HTTPRouteBuilder()
                                .addNewMatch().addToHeaders("x-user-tier", new StringMatchBuilder().withNewStringMatchExactType("premium").build()).endMatch()
                                .withRoute(to("web-bff", "premium", null)).build(),
                        new HTTPRouteBuilder().withRoute(to("web-bff", "standard", null)).build())
                .endSpec()
                .build();

        ServerlessFunction f = discover(FunctionLabelRules.DEFAULT, List.of(webBff), List.of(vs)).get(0);

        assertThat(f.traffic()).containsExactly(new TrafficShare("standard", 100));
        assertThat(f.hasSplit()).isFalse();
        assertThat(f.mesh().virtualServices()).containsExactly("serverless/web-bff");
    }

    @Test
    void aVirtualServiceRoutingToAVersionServiceAppliesToTheFunction() {
        Deployment v2 = deployment("orders-v2", Map.of("app", "orders", "version", "v2", "meshdeck.dev/function", "true"), null, null);
        VirtualService gatewayRoute = new VirtualServiceBuilder()
                .withNewMetadata().withNamespace("istio-system").withName("public").endMetadata()
                .withNewSpec().withHosts("*.meshdeck.example").withGateways("public-gateway")
                .addNewHttp().withRoute(to("orders-v2.serverless.svc.cluster.local", null, null)).endHttp()
                .endSpec()
                .build();

        ServerlessFunction f = discover(FunctionLabelRules.DEFAULT, List.of(v2), List.of(gatewayRoute)).get(0);

        assertThat(f.mesh().virtualServices()).containsExactly("istio-system/public");
        assertThat(f.traffic()).containsExactly(new TrafficShare("v2", 100));
    }
}
