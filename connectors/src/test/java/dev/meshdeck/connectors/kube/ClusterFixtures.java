package dev.meshdeck.connectors.kube;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestinationBuilder;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLSMode;
import io.fabric8.istio.api.networking.v1.DestinationRuleBuilder;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.networking.v1.VirtualServiceBuilder;
import io.fabric8.istio.api.security.v1.AuthorizationPolicyBuilder;
import io.fabric8.istio.api.security.v1.PeerAuthenticationBuilder;
import io.fabric8.istio.api.security.v1.RequestAuthenticationBuilder;
import io.fabric8.knative.serving.v1.ServiceBuilder;
import io.fabric8.knative.serving.v1.TrafficTarget;
import io.fabric8.knative.serving.v1.TrafficTargetBuilder;
import io.fabric8.kubernetes.api.model.EndpointAddressBuilder;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Builds cluster objects the way the platforms and Istio create them, and stores them in a (mock) cluster. */
final class ClusterFixtures {

    private final KubernetesClient client;

    ClusterFixtures(KubernetesClient client) {
        this.client = client;
    }

    <T extends HasMetadata> T create(T object) {
        return client.resource(object).create();
    }

    /** A Deployment with its status, plus {@code ready} ready pods (with a sidecar when {@code sidecar}). */
    void deployment(String ns, String name, Map<String, String> labels, int desired, int ready, boolean sidecar) {
        Deployment d = new DeploymentBuilder()
                .withNewMetadata().withNamespace(ns).withName(name).withLabels(labels)
                .addNewManagedField().withManager("kubectl-client-side-apply").withOperation("Update").endManagedField()
                .endMetadata()
                .withNewSpec().withReplicas(desired)
                .withNewSelector().withMatchLabels(labels).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("function").withImage("ghcr.io/meshdeck/" + name).endContainer().endSpec()
                .endTemplate().endSpec()
                .withNewStatus().withReplicas(desired).withReadyReplicas(ready).endStatus()
                .build();
        create(d);
        pods(ns, name, labels, desired, ready, sidecar);
    }

    void pods(String ns, String owner, Map<String, String> labels, int count, int ready, boolean sidecar) {
        for (int i = 0; i < count; i++) {
            PodBuilder pod = new PodBuilder()
                    .withNewMetadata().withNamespace(ns).withName(owner + "-pod-" + i).withLabels(labels).endMetadata()
                    .withNewSpec().addNewContainer().withName("function").withImage("ghcr.io/meshdeck/" + owner).endContainer().endSpec()
                    .withNewStatus().addNewCondition().withType("Ready").withStatus(i < ready ? "True" : "False").endCondition().endStatus();
            if (sidecar) {
                pod.editSpec().addNewContainer().withName("istio-proxy").withImage("istio/proxyv2").endContainer().endSpec();
            }
            create(pod.build());
        }
    }

    void service(String ns, String name, Map<String, String> selector, int readyEndpoints) {
        create(new io.fabric8.kubernetes.api.model.ServiceBuilder()
                .withNewMetadata().withNamespace(ns).withName(name).endMetadata()
                .withNewSpec().withSelector(selector).addNewPort().withPort(8080).endPort().endSpec()
                .build());
        create(new EndpointsBuilder()
                .withNewMetadata().withNamespace(ns).withName(name).endMetadata()
                .addNewSubset().withAddresses(IntStream.range(0, readyEndpoints)
                        .mapToObj(i -> new EndpointAddressBuilder().withIp("10.1.0." + (i + 1)).build()).toList())
                .addNewPort().withPort(8080).endPort().endSubset()
                .build());
    }

    /** A VirtualService with one catch-all http route to the given weighted destinations. */
    VirtualService virtualService(String ns, String name, List<String> hosts, HTTPRouteDestination... destinations) {
        return create(new VirtualServiceBuilder()
                .withNewMetadata().withNamespace(ns).withName(name).endMetadata()
                .withNewSpec().withHosts(hosts).addNewHttp().withRoute(destinations).endHttp().endSpec()
                .build());
    }

    static HTTPRouteDestination to(String host, String subset, Integer weight) {
        return new HTTPRouteDestinationBuilder()
                .withNewDestination().withHost(host).withSubset(subset).endDestination()
                .withWeight(weight)
                .build();
    }

    void destinationRule(String ns, String name, String host) {
        create(new DestinationRuleBuilder()
                .withNewMetadata().withNamespace(ns).withName(name).endMetadata()
                .withNewSpec().withHost(host).endSpec()
                .build());
    }

    void authorizationPolicy(String ns, String name, Map<String, String> matchLabels) {
        AuthorizationPolicyBuilder ap = new AuthorizationPolicyBuilder()
                .withNewMetadata().withNamespace(ns).withName(name).endMetadata()
                .withNewSpec().endSpec();
        if (matchLabels != null) {
            ap.editSpec().withNewSelector().withMatchLabels(matchLabels).endSelector().endSpec();
        }
        create(ap.build());
    }

    void strictPeerAuthentication(String ns, String name) {
        create(new PeerAuthenticationBuilder()
                .withNewMetadata().withNamespace(ns).withName(name).endMetadata()
                .withNewSpec().withNewMtls().withMode(PeerAuthenticationMutualTLSMode.STRICT).endMtls().endSpec()
                .build());
    }

    void requestAuthentication(String ns, String name, String issuer) {
        create(new RequestAuthenticationBuilder()
                .withNewMetadata().withNamespace(ns).withName(name).endMetadata()
                .withNewSpec().addNewJwtRule().withIssuer(issuer).withJwksUri(issuer + "/.well-known/jwks.json").endJwtRule().endSpec()
                .build());
    }

    /** A ready Knative Service splitting traffic across revisions, with one pod per revision. */
    void knativeService(String ns, String name, String latestReady, TrafficTarget... traffic) {
        create(new ServiceBuilder()
                .withNewMetadata().withNamespace(ns).withName(name).withLabels(Map.of("team", "media")).endMetadata()
                .withNewSpec().withTraffic(traffic).endSpec()
                .withNewStatus().withLatestReadyRevisionName(latestReady)
                .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus()
                .build());
    }

    static TrafficTarget revision(String revision, long percent) {
        return new TrafficTargetBuilder().withRevisionName(revision).withPercent(percent).build();
    }

    static TrafficTarget latest(long percent) {
        return new TrafficTargetBuilder().withLatestRevision(true).withPercent(percent).build();
    }

    /** An OpenFaaS or Kubeless Function custom resource (no fabric8 model exists for them). */
    GenericKubernetesResource operatorFunction(KubeKind<GenericKubernetesResource> kind, String apiVersion,
                                               String ns, String name) {
        GenericKubernetesResource fn = new GenericKubernetesResourceBuilder()
                .withApiVersion(apiVersion).withKind("Function")
                .withNewMetadata().withNamespace(ns).withName(name).withLabels(Map.of("team", "docs")).endMetadata()
                .withAdditionalProperties(new HashMap<>(Map.of("spec", Map.of("image", "ghcr.io/meshdeck/" + name + ":1.0"))))
                .build();
        return kind.operation(client).inNamespace(ns).resource(fn).create();
    }
}
