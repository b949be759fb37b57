package dev.meshdeck.connectors.kube;

import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.security.v1.AuthorizationPolicy;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import io.fabric8.istio.api.security.v1.RequestAuthentication;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.util.List;

/**
 * One kind of object that discovery lists (one list call across all namespaces per kind).
 * Typed kinds decode into fabric8 model classes; OpenFaaS and Kubeless have no fabric8 model and stay generic.
 *
 * @param <T> the decoded type
 */
final class KubeKind<T extends HasMetadata> {

    static final KubeKind<io.fabric8.knative.serving.v1.Service> KNATIVE_SERVICES =
            typed("Service", "serving.knative.dev", "v1", "services", io.fabric8.knative.serving.v1.Service.class);
    static final KubeKind<GenericKubernetesResource> OPENFAAS_FUNCTIONS =
            generic("Function", "openfaas.com", "v1", "functions");
    static final KubeKind<GenericKubernetesResource> KUBELESS_FUNCTIONS =
            generic("Function", "kubeless.io", "v1beta1", "functions");
    static final KubeKind<Deployment> DEPLOYMENTS = typed("Deployment", "apps", "v1", "deployments", Deployment.class);
    static final KubeKind<Service> SERVICES = typed("Service", "", "v1", "services", Service.class);
    static final KubeKind<Endpoints> ENDPOINTS = typed("Endpoints", "", "v1", "endpoints", Endpoints.class);
    static final KubeKind<Pod> PODS = typed("Pod", "", "v1", "pods", Pod.class);
    static final KubeKind<VirtualService> VIRTUAL_SERVICES =
            typed("VirtualService", "networking.istio.io", "v1", "virtualservices", VirtualService.class);
    static final KubeKind<DestinationRule> DESTINATION_RULES =
            typed("DestinationRule", "networking.istio.io", "v1", "destinationrules", DestinationRule.class);
    /** Read on demand only (a Lambda function's mesh entry), not discovered. */
    static final KubeKind<GenericKubernetesResource> SERVICE_ENTRIES =
            generic("ServiceEntry", "networking.istio.io", "v1", "serviceentries");
    static final KubeKind<AuthorizationPolicy> AUTHORIZATION_POLICIES =
            typed("AuthorizationPolicy", "security.istio.io", "v1", "authorizationpolicies", AuthorizationPolicy.class);
    static final KubeKind<PeerAuthentication> PEER_AUTHENTICATIONS =
            typed("PeerAuthentication", "security.istio.io", "v1", "peerauthentications", PeerAuthentication.class);
    static final KubeKind<RequestAuthentication> REQUEST_AUTHENTICATIONS =
            typed("RequestAuthentication", "security.istio.io", "v1", "requestauthentications", RequestAuthentication.class);

    /** Every kind discovery reads, in the order results are reported. */
    static final List<KubeKind<?>> ALL = List.of(KNATIVE_SERVICES, OPENFAAS_FUNCTIONS, KUBELESS_FUNCTIONS, DEPLOYMENTS,
            SERVICES, ENDPOINTS, PODS, VIRTUAL_SERVICES, DESTINATION_RULES, AUTHORIZATION_POLICIES,
            PEER_AUTHENTICATIONS, REQUEST_AUTHENTICATIONS);

    private final ResourceDefinitionContext definition;
    private final Class<T> type;

    private KubeKind(ResourceDefinitionContext definition, Class<T> type) {
        this.definition = definition;
        this.type = type;
    }

    private static <T extends HasMetadata> KubeKind<T> typed(String kind, String group, String version, String plural,
                                                             Class<T> type) {
        return new KubeKind<>(definition(kind, group, version, plural), type);
    }

    private static KubeKind<GenericKubernetesResource> generic(String kind, String group, String version, String plural) {
        return new KubeKind<>(definition(kind, group, version, plural), null);
    }

    private static ResourceDefinitionContext definition(String kind, String group, String version, String plural) {
        return new ResourceDefinitionContext.Builder()
                .withKind(kind).withGroup(group).withVersion(version).withPlural(plural).withNamespaced(true)
                .build();
    }

    String kind() {
        return definition.getKind();
    }

    /** "virtualservices.networking.istio.io", "pods": what kubectl and error messages call the kind. */
    String resourceName() {
        return definition.getGroup().isEmpty() ? definition.getPlural() : definition.getPlural() + "." + definition.getGroup();
    }

    @SuppressWarnings("unchecked")
    MixedOperation<T, ? extends KubernetesResourceList<T>, Resource<T>> operation(KubernetesClient client) {
        if (type == null) {
            return (MixedOperation<T, ? extends KubernetesResourceList<T>, Resource<T>>) (MixedOperation<?, ?, ?>)
                    client.genericKubernetesResources(definition);
        }
        return client.resources(type);
    }

    /** Reads one object as generic YAML-ready data, whatever the kind's decoded type. */
    GenericKubernetesResource get(KubernetesClient client, String namespace, String name) {
        return client.genericKubernetesResources(definition).inNamespace(namespace).withName(name).get();
    }

    @Override
    public String toString() {
        return resourceName();
    }
}
