package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.core.inventory.TrafficShare;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient(crud = true)
class KubeDiscoveryTest {

    // Static: one server for the class; the tests only read the estate.
    static KubernetesClient client;
    static KubernetesMockServer server;

    @TempDir
    static Path dir;

    private static KubeCatalog catalog;
    private static KubeListing listing;

    @BeforeAll
    static void discoverSmallEstate() {
        SmallEstate.populate(new ClusterFixtures(client));
        Path kubeconfig = new TestKubeconfig().context("dev", client.getMasterUrl().toString()).writeTo(dir.resolve("config"));
        catalog = new KubeCatalog(Kubeconfigs.load(List.of(kubeconfig)));
        listing = catalog.listOnce();
    }

    @AfterAll
    static void close() {
        catalog.close();
    }

    private static ServerlessFunction function(Platform platform, String namespace, String name) {
        return listing.functions().stream()
                .filter(f -> f.platform() == platform && f.namespace().equals(namespace) && f.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(platform + " " + namespace + "/" + name + " not discovered in "
                        + listing.functions().stream().map(f -> f.id().qualifiedName()).toList()));
    }

    @Test
    void everyFunctionIsFoundOnceAndTheContextReportsTheCount() {
        assertThat(listing.functions()).extracting(f -> f.platform() + " " + f.id().qualifiedName()).containsExactly(
                "knative serverless/image-resize",
                "knative serverless/thumbnail",
                "openfaas backend/recommendation",
                "openfaas serverless/pdf-render",
                "kubeless serverless/legacy-cron",
                "kubernetes backend/inventory-function",
                "kubernetes backend/solo",
                "kubernetes serverless/order-function");
        assertThat(listing.sources()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(SourceStatus.State.CONNECTED);
            assertThat(s.message()).isEqualTo(SmallEstate.FUNCTIONS + " functions");
            assertThat(s.source().label()).isEqualTo("dev");
        });
        assertThat(listing.problems()).isEmpty();
    }

    @Test
    void kubernetesVersionsFormOneFunctionRoutedByTheVirtualServiceCanary() {
        ServerlessFunction f = function(Platform.KUBERNETES, "serverless", "order-function");

        assertThat(f.source().label()).isEqualTo("dev");
        assertThat(f.traffic()).containsExactly(new TrafficShare("order-function-v1", 90), new TrafficShare("order-function-v2", 10));
        assertThat(f.hasSplit()).isTrue();
        assertThat(f.mesh().sidecarInjected()).isTrue();
        assertThat(f.mesh().virtualServices()).containsExactly("serverless/order-function");
        assertThat(f.mesh().destinationRules()).containsExactly("serverless/order-function");
        assertThat(f.mesh().authorizationPolicies()).containsExactly("serverless/order-function-allow");
        assertThat(f.mesh().peerAuthentications()).containsExactly("istio-system/default");
        assertThat(f.mesh().requestAuthentications()).containsExactly("serverless/serverless-jwt");
        assertThat(f.health()).isEqualTo(new Health(3, 3, 3, "Ready"));
        assertThat(f.labels()).containsEntry("app", "order-function").doesNotContainKey("version");
    }

    @Test
    void versionsWithoutVirtualServiceGetNoInventedSplit() {
        ServerlessFunction f = function(Platform.KUBERNETES, "backend", "inventory-function");

        assertThat(f.traffic()).containsExactly(new TrafficShare("v1", 0), new TrafficShare("v2", 0));
        assertThat(f.mesh().virtualServices()).isEmpty();
        assertThat(f.health()).isEqualTo(new Health(2, 2, 0, "Ready"));
    }

    @Test
    void aSingleDeploymentFunctionIsNamedByItsAppLabelAndGetsAllTraffic() {
        ServerlessFunction f = function(Platform.KUBERNETES, "backend", "solo");

        assertThat(f.traffic()).containsExactly(new TrafficShare("solo-7d9f", 100));
        assertThat(f.mesh().sidecarInjected()).isFalse();
        assertThat(f.mesh().authorizationPolicies()).isEmpty();
        assertThat(f.mesh().peerAuthentications()).containsExactly("istio-system/default");
    }

    @Test
    void knativeServiceSplitsTrafficBetweenRevisions() {
        ServerlessFunction f = function(Platform.KNATIVE, "serverless", "image-resize");

        assertThat(f.traffic()).containsExactly(new TrafficShare("image-resize-00001", 90),
                new TrafficShare("image-resize-00002", 10));
        assertThat(f.mesh().sidecarInjected()).isTrue();
        assertThat(f.mesh().virtualServices()).isEmpty();
        assertThat(f.mesh().authorizationPolicies()).isEmpty();
        assertThat(f.mesh().requestAuthentications()).containsExactly("serverless/serverless-jwt");
        assertThat(f.health()).isEqualTo(new Health(2, 2, 2, "Ready"));
        assertThat(f.labels()).containsEntry("team", "media");
    }

    @Test
    void knativeLatestRevisionIsNamedAndScaledToZeroWithoutPods() {
        ServerlessFunction f = function(Platform.KNATIVE, "serverless", "thumbnail");

        assertThat(f.traffic()).containsExactly(new TrafficShare("thumbnail-00003", 100));
        assertThat(f.health()).isEqualTo(new Health(0, 0, 0, "ScaledToZero"));
        assertThat(f.health().level()).isEqualTo(Health.Level.HEALTHY);
        assertThat(f.mesh().sidecarInjected()).isFalse();
    }

    @Test
    void openFaasFunctionOwnsItsDeploymentWhichIsNotCountedAsAPlainFunction() {
        ServerlessFunction f = function(Platform.OPENFAAS, "serverless", "pdf-render");

        assertThat(f.traffic()).containsExactly(new TrafficShare("pdf-render", 100));
        assertThat(f.mesh().sidecarInjected()).isTrue();
        assertThat(f.mesh().peerAuthentications()).containsExactly("istio-system/default");
        assertThat(f.health()).isEqualTo(new Health(1, 1, 1, "Ready"));
        assertThat(f.labels()).containsEntry("team", "docs");
        assertThat(listing.functions()).noneMatch(x -> x.name().equals("pdf-render") && x.platform() == Platform.KUBERNETES);
    }

    @Test
    void degradedOpenFaasFunctionReportsReadyOfDesired() {
        ServerlessFunction f = function(Platform.OPENFAAS, "backend", "recommendation");

        assertThat(f.health()).isEqualTo(new Health(1, 2, 1, "Degraded"));
        assertThat(f.health().level()).isEqualTo(Health.Level.DEGRADED);
    }

    @Test
    void kubelessFunctionWithoutSidecarIsOutsideTheMesh() {
        ServerlessFunction f = function(Platform.KUBELESS, "serverless", "legacy-cron");

        assertThat(f.traffic()).containsExactly(new TrafficShare("legacy-cron", 100));
        assertThat(f.mesh().sidecarInjected()).isFalse();
        assertThat(f.health()).isEqualTo(new Health(1, 1, 1, "Ready"));
        assertThat(listing.functions()).noneMatch(x -> x.name().equals("legacy-cron") && x.platform() == Platform.KUBERNETES);
    }

    @Test
    void resourcesOfAFunctionAreItsDeploymentsAndApplicablePoliciesAsCleanYaml() {
        FunctionId id = function(Platform.KUBERNETES, "serverless", "order-function").id();

        List<MeshResource> resources = catalog.resourcesOf(id);

        assertThat(resources).extracting(MeshResource::title).containsExactly(
                "Deployment serverless/order-function-v1",
                "Deployment serverless/order-function-v2",
                "VirtualService serverless/order-function",
                "DestinationRule serverless/order-function",
                "AuthorizationPolicy serverless/order-function-allow",
                "PeerAuthentication istio-system/default",
                "RequestAuthentication serverless/serverless-jwt");
        MeshResource vs = resources.get(2);
        assertThat(vs.yaml()).startsWith("apiVersion: networking.istio.io/v1\nkind: VirtualService\n")
                .contains("weight: 90", "host: order-function-v2");
        assertThat(resources.get(0).yaml()).contains("name: order-function-v1").doesNotContain("managedFields");
    }

    @Test
    void resourcesOfAKnativeFunctionStartWithItsKnativeService() {
        FunctionId id = function(Platform.KNATIVE, "serverless", "image-resize").id();

        assertThat(catalog.resourcesOf(id)).extracting(MeshResource::title).containsExactly(
                "Service serverless/image-resize",
                "PeerAuthentication istio-system/default",
                "RequestAuthentication serverless/serverless-jwt");
    }
}
