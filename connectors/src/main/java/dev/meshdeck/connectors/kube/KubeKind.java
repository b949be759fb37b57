package dev.meshdeck.connectors.kube;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * One kind of object that discovery lists (one list call across all namespaces per kind).
 * Discovery reads each kind's list with its {@link Listed.Reader}; informers and single reads decode into fabric8
 * model classes (OpenFaaS and Kubeless have no fabric8 model and stay generic).
 *
 * @param <T> the decoded type
 */
final class KubeKind<T extends HasMetadata> {

    static final KubeKind<io.fabric8.knative.serving.v1.Service> KNATIVE_SERVICES =
            typed("Service", "serving.knative.dev", "v1", "services", io.fabric8.knative.serving.v1.Service.class,
                    Listed.KnativeService::read);
    static final KubeKind<GenericKubernetesResource> OPENFAAS_FUNCTIONS =
            generic("Function", "openfaas.com", "v1", "functions", Listed.Named::read);
    static final KubeKind<GenericKubernetesResource> KUBELESS_FUNCTIONS =
            generic("Function", "kubeless.io", "v1beta1", "functions", Listed.Named::read);
    static final KubeKind<Deployment> DEPLOYMENTS = typed("Deployment", "apps", "v1", "deployments", Deployment.class,
            Listed.Deployment::read);
    static final KubeKind<Endpoints> ENDPOINTS = typed("Endpoints", "", "v1", "endpoints", Endpoints.class,
            Listed.Endpoints::read);
    static final KubeKind<Pod> PODS = typed("Pod", "", "v1", "pods", Pod.class, Listed.Pod::read);
    static final KubeKind<VirtualService> VIRTUAL_SERVICES =
            typed("VirtualService", "networking.istio.io", "v1", "virtualservices", VirtualService.class,
                    Listed.VirtualService::read);
    static final KubeKind<DestinationRule> DESTINATION_RULES =
            typed("DestinationRule", "networking.istio.io", "v1", "destinationrules", DestinationRule.class,
                    Listed.DestinationRule::read);
    /** Read on demand only (a Lambda function's mesh entry), not discovered. */
    static final KubeKind<GenericKubernetesResource> SERVICE_ENTRIES =
            generic("ServiceEntry", "networking.istio.io", "v1", "serviceentries", Listed.Named::read);
    static final KubeKind<AuthorizationPolicy> AUTHORIZATION_POLICIES =
            typed("AuthorizationPolicy", "security.istio.io", "v1", "authorizationpolicies", AuthorizationPolicy.class,
                    Listed.Policy::read);
    static final KubeKind<PeerAuthentication> PEER_AUTHENTICATIONS =
            typed("PeerAuthentication", "security.istio.io", "v1", "peerauthentications", PeerAuthentication.class,
                    Listed.Policy::read);
    static final KubeKind<RequestAuthentication> REQUEST_AUTHENTICATIONS =
            typed("RequestAuthentication", "security.istio.io", "v1", "requestauthentications", RequestAuthentication.class,
                    Listed.Policy::read);

    /**
     * Every kind discovery reads, in the order results are reported. Not Services: a function's Services are known
     * by name (its own, its versions' or revisions'), and their Endpoints say what is behind them.
     */
    static final List<KubeKind<?>> ALL = List.of(KNATIVE_SERVICES, OPENFAAS_FUNCTIONS, KUBELESS_FUNCTIONS, DEPLOYMENTS,
            ENDPOINTS, PODS, VIRTUAL_SERVICES, DESTINATION_RULES, AUTHORIZATION_POLICIES,
            PEER_AUTHENTICATIONS, REQUEST_AUTHENTICATIONS);

    /**
     * The kinds that say which functions exist, each on its own (a Deployment run by Knative or OpenFaaS says so in
     * its own labels and owners); the others (pods, endpoints, policies) only describe them, so a kind's functions
     * can be shown once it is listed and filled in as the others arrive.
     */
    static final Set<KubeKind<?>> FUNCTION_KINDS = Set.of(KNATIVE_SERVICES, OPENFAAS_FUNCTIONS, KUBELESS_FUNCTIONS,
            DEPLOYMENTS);

    private final ResourceDefinitionContext definition;
    private final Class<T> type;
    private final Listed.Reader<?> reader;

    private KubeKind(ResourceDefinitionContext definition, Class<T> type, Listed.Reader<?> reader) {
        this.definition = definition;
        this.type = type;
        this.reader = reader;
    }

    private static <T extends HasMetadata> KubeKind<T> typed(String kind, String group, String version, String plural,
                                                             Class<T> type, Listed.Reader<?> reader) {
        return new KubeKind<>(definition(kind, group, version, plural), type, reader);
    }

    private static KubeKind<GenericKubernetesResource> generic(String kind, String group, String version, String plural,
                                                               Listed.Reader<?> reader) {
        return new KubeKind<>(definition(kind, group, version, plural), null, reader);
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

    /** The path of its list across all namespaces: {@code /api/v1/pods}, {@code /apis/apps/v1/deployments}. */
    String listPath() {
        String group = definition.getGroup();
        return (group.isEmpty() ? "/api/" : "/apis/" + group + "/") + definition.getVersion() + "/" + definition.getPlural();
    }

    /** Reads one listed object of this kind as discovery sees it. */
    Listed.Reader<?> reader() {
        return reader;
    }

    /** A fabric8 model of this kind, as {@link #reader()} would read it from the wire. */
    Listed.Item listed(HasMetadata model) {
        ObjectMapper json = Serialization.jsonMapper();
        try (JsonParser p = json.treeAsTokens(json.valueToTree(model))) {
            p.nextToken();
            return reader.read(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resourceName() + " " + model.getMetadata().getName(), e);
        }
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
