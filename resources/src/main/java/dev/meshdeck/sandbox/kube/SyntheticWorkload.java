package dev.meshdeck.sandbox.kube;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointAddressBuilder;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Kubernetes objects behind one synthetic function version: a Deployment with its status, its pods (an
 * {@code istio-proxy} sidecar where the namespace is injected; pods beyond {@code ready} are not ready), and
 * helpers for the Service and Endpoints that front them.
 */
final class SyntheticWorkload {

    private static final String SIDECAR_IMAGE = "docker.io/istio/proxyv2:1.24.2";
    private static final String SIDECAR_STATUS = "{\"containers\":[\"istio-proxy\"],\"revision\":\"default\"}";
    private static final int PORT = 8080;

    private final PodAddresses addresses;

    SyntheticWorkload(PodAddresses addresses) {
        this.addresses = addresses;
    }

    /** Hands out pod IPs from a block of 1024 per namespace, so every pod of an estate has its own. */
    static final class PodAddresses {
        private int next;

        PodAddresses(int namespaceIndex) {
            this.next = namespaceIndex * 1024 + 2;
        }

        String next() {
            int n = next++;
            return "10." + (64 + (n >> 16)) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
        }
    }

    /** A Deployment and its pods. */
    record Version(Deployment deployment, List<Pod> pods) {
    }

    static OwnerReference owner(String apiVersion, String kind, String name) {
        return new OwnerReferenceBuilder().withApiVersion(apiVersion).withKind(kind).withName(name)
                .withUid(UUID.nameUUIDFromBytes((apiVersion + kind + name).getBytes(StandardCharsets.UTF_8)).toString())
                .withController(true).withBlockOwnerDeletion(true).build();
    }

    Version version(String namespace, String name, Map<String, String> labels, Map<String, String> selector,
                    int replicas, int ready, String image, boolean injected, List<OwnerReference> owners) {
        Deployment deployment = new DeploymentBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
                .withOwnerReferences(owners).endMetadata()
                .withNewSpec().withReplicas(replicas)
                .withNewSelector().withMatchLabels(selector).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec().addNewContainer().withName("function").withImage(image).endContainer().endSpec()
                .endTemplate().endSpec()
                .withNewStatus().withObservedGeneration(1L).withReplicas(replicas).withUpdatedReplicas(replicas)
                .withReadyReplicas(ready).withAvailableReplicas(ready)
                .withUnavailableReplicas(replicas > ready ? replicas - ready : null).endStatus()
                .build();
        List<Pod> pods = new ArrayList<>();
        for (int i = 0; i < replicas; i++) {
            pods.add(pod(namespace, name + "-" + Integer.toHexString((name + i).hashCode() & 0xfffffff), labels,
                    image, injected, i < ready));
        }
        return new Version(deployment, pods);
    }

    private Pod pod(String namespace, String name, Map<String, String> labels, String image, boolean injected,
                    boolean ready) {
        String readiness = ready ? "True" : "False";
        PodBuilder pod = new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec()
                .addToContainers(new ContainerBuilder().withName("function").withImage(image)
                        .addNewPort().withName("http").withContainerPort(PORT).endPort().build())
                .endSpec()
                .withNewStatus().withPhase("Running").withPodIP(addresses.next())
                .addNewCondition().withType("Ready").withStatus(readiness).endCondition()
                .addNewContainerStatus().withName("function").withImage(image).withReady(ready)
                .withRestartCount(ready ? 0 : 7).endContainerStatus()
                .endStatus();
        if (injected) {
            pod.editMetadata().addToAnnotations("sidecar.istio.io/status", SIDECAR_STATUS).endMetadata()
                    .editSpec().addNewContainer().withName("istio-proxy").withImage(SIDECAR_IMAGE).endContainer()
                    .endSpec();
        }
        return pod.build();
    }

    static Service service(String namespace, String name, Map<String, String> selector) {
        return new ServiceBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(selector).endMetadata()
                .withNewSpec().withSelector(selector)
                .addNewPort().withName("http").withPort(80).withNewTargetPort(PORT).withProtocol("TCP").endPort()
                .endSpec()
                .build();
    }

    /** Ready pods as addresses, the others as not-ready addresses, as the endpoints controller would. */
    static Endpoints endpoints(Service service, List<Pod> pods) {
        return endpoints(service, pods, List.of(new EndpointPortBuilder().withName("http").withPort(PORT)
                .withProtocol("TCP").build()));
    }

    /** Ready pods as addresses, the others as not-ready addresses, on the given ports. */
    static Endpoints endpoints(Service service, List<Pod> pods, List<EndpointPort> ports) {
        List<EndpointAddress> ready = new ArrayList<>();
        List<EndpointAddress> notReady = new ArrayList<>();
        for (Pod pod : pods) {
            EndpointAddress address = new EndpointAddressBuilder().withIp(pod.getStatus().getPodIP())
                    .withNewTargetRef().withKind("Pod").withName(pod.getMetadata().getName())
                    .withNamespace(pod.getMetadata().getNamespace()).endTargetRef().build();
            boolean isReady = pod.getStatus().getConditions().stream()
                    .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
            (isReady ? ready : notReady).add(address);
        }
        EndpointsBuilder endpoints = new EndpointsBuilder().withNewMetadata()
                .withName(service.getMetadata().getName()).withNamespace(service.getMetadata().getNamespace())
                .withLabels(service.getMetadata().getLabels()).endMetadata();
        if (!pods.isEmpty()) {
            endpoints.addNewSubset().withAddresses(ready).withNotReadyAddresses(notReady).withPorts(ports).endSubset();
        }
        return endpoints.build();
    }

    /** The Service named like the function over all its pods, and its Endpoints. */
    static List<HasMetadata> frontedBy(String namespace, String name, Map<String, String> selector, List<Pod> pods) {
        Service service = service(namespace, name, selector);
        return List.of(service, endpoints(service, pods));
    }

    static Map<String, String> labels(String... keyValues) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            labels.put(keyValues[i], keyValues[i + 1]);
        }
        return labels;
    }
}
