package dev.meshdeck.sandbox.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's Deployment controller, run after every write to a Deployment as the cluster's controller
 * manager would: each pod template gets its own ReplicaSet ({@code <deployment>-<pod-template-hash>}, owned by
 * the Deployment, numbered by {@code deployment.kubernetes.io/revision}), the ReplicaSet of the current template
 * runs the Deployment's replicas and the others are scaled to 0, pods follow their ReplicaSet, the Endpoints of
 * every Service that selects them are rebuilt, and the Deployment's status is brought up to date. A template
 * that returns to an earlier revision's reuses that ReplicaSet under the next revision number, as kubectl's
 * {@code rollout undo} expects.
 *
 * <p>New pods start Running and Ready at once (nothing is pulled or probed). A Deployment created with a status
 * (an estate's) only gets its revision 1 recorded: the estate describes a running cluster and brings its own pods,
 * which count as the first ReplicaSet's until the template changes.
 */
final class DeploymentController {

    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String CHANGE_CAUSE = "kubernetes.io/change-cause";
    static final String TEMPLATE_HASH = "pod-template-hash";

    private static final Pattern DEPLOYMENT_PATH =
            Pattern.compile("^/apis/apps/v1/namespaces/([^/]+)/deployments(?:/([^/]+))?(/scale)?$");
    private static final Pattern POD_PATH = Pattern.compile("^/api/v1/namespaces/([^/]+)/pods/([^/]+)$");
    private static final String SIDECAR_IMAGE = "docker.io/istio/proxyv2:1.24.2";
    private static final String SIDECAR_STATUS = "{\"containers\":[\"istio-proxy\"],\"revision\":\"default\"}";
    /** Pods made here get addresses from a block the estates do not use. */
    private static final String POD_NETWORK = "10.250.";
    private static final String NODE = "sandbox-node-1";
    /** Kubernetes' name suffixes avoid vowels so that generated names never spell words. */
    private static final String SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    /** What the controller reads and writes: the sandbox's store, without an HTTP round trip. */
    interface Store {
        Optional<String> get(String path);

        /** The items of a collection, as JSON objects. */
        List<JsonNode> list(String collectionPath);

        /** @return the object as stored, uid and resourceVersion filled in */
        String create(String collectionPath, HasMetadata object);

        void replace(String path, HasMetadata object);

        void delete(String path);
    }

    private final Store store;
    private final AtomicInteger nextAddress = new AtomicInteger(2);
    private final Random suffixes = new Random();

    DeploymentController(Store store) {
        this.store = store;
    }

    /**
     * A write to a Deployment.
     *
     * @param arrivesRunning a Deployment created with a status: an estate's, which describes a running cluster and
     *                       brings its own pods, so the controller only records its first ReplicaSet
     */
    record Write(String namespace, String name, boolean arrivesRunning) {
    }

    /** The Deployment a write went to, if it went to one (the body names a created one). */
    static Optional<Write> target(String path, String body) {
        Matcher m = DEPLOYMENT_PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        JsonNode json = body == null || body.isBlank() ? null : Serialization.unmarshal(body, JsonNode.class);
        String name = m.group(2);
        if (name == null) {
            name = json == null ? null : json.path("metadata").path("name").asText(null);
            return name == null ? Optional.empty()
                    : Optional.of(new Write(m.group(1), name, json.path("status").has("replicas")));
        }
        return Optional.of(new Write(m.group(1), name, false));
    }

    /**
     * The Deployments whose selector matches the pod a DELETE goes to, read before it is deleted: once it is gone their
     * ReplicaSet starts a pod under a new name in its place, as a cluster's does ({@code kubectl delete pod} restarts it).
     */
    List<Write> replacing(String path) {
        Matcher m = POD_PATH.matcher(path);
        if (!m.matches()) {
            return List.of();
        }
        String namespace = m.group(1);
        Map<String, String> labels = store.get(path).map(json -> Serialization.unmarshal(json, Pod.class))
                .map(pod -> orEmpty(pod.getMetadata().getLabels())).orElse(Map.of());
        if (labels.isEmpty()) {
            return List.of();
        }
        return store.list("/apis/apps/v1/namespaces/" + namespace + "/deployments").stream()
                .map(json -> Serialization.jsonMapper().convertValue(json, Deployment.class))
                .filter(d -> d.getSpec().getSelector() != null && d.getSpec().getSelector().getMatchLabels() != null
                        && selects(d.getSpec().getSelector().getMatchLabels(), labels))
                .map(d -> new Write(namespace, d.getMetadata().getName(), false)).toList();
    }

    /** Brings the Deployment's ReplicaSets, pods, Endpoints and status in line with its spec. */
    void reconcile(Write write) {
        String namespace = write.namespace();
        String name = write.name();
        Optional<Deployment> found = store.get(deploymentPath(namespace, name))
                .map(json -> Serialization.unmarshal(json, Deployment.class));
        if (found.isEmpty()) {
            return;
        }
        Deployment deployment = found.get();
        List<ReplicaSet> owned = ownedReplicaSets(deployment);
        PodTemplateSpec template = deployment.getSpec().getTemplate();
        String hash = templateHash(template);
        long latest = owned.stream().mapToLong(DeploymentController::revision).max().orElse(0);
        Optional<ReplicaSet> existing = owned.stream().filter(rs -> hash.equals(labels(rs).get(TEMPLATE_HASH)))
                .findFirst();
        boolean newTemplate = existing.isEmpty() || revision(existing.get()) < latest;
        int replicas = deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas();
        ReplicaSet current = existing.orElseGet(() -> newReplicaSet(deployment, hash));
        if (newTemplate) {
            current.getMetadata().getAnnotations().put(REVISION, String.valueOf(latest + 1));
            copyChangeCause(deployment, current);
        }
        current.getSpec().setReplicas(replicas);
        if (existing.isEmpty()) {
            current = Serialization.unmarshal(
                    store.create(replicaSetCollection(namespace), withStatus(current, replicas)), ReplicaSet.class);
        } else {
            store.replace(replicaSetPath(namespace, current.getMetadata().getName()), withStatus(current, replicas));
        }
        for (ReplicaSet old : owned) {
            if (old != existing.orElse(null) && (old.getSpec().getReplicas() == null || old.getSpec().getReplicas() > 0)) {
                old.getSpec().setReplicas(0);
                store.replace(replicaSetPath(namespace, old.getMetadata().getName()), withStatus(old, 0));
            }
        }
        if (!write.arrivesRunning()) {
            runPods(deployment, current, replicas, newTemplate);
        }
        deployment.getMetadata().getAnnotations().put(REVISION, current.getMetadata().getAnnotations().get(REVISION));
        if (!write.arrivesRunning()) {
            deployment.setStatus(new DeploymentStatusBuilder()
                    .withObservedGeneration(deployment.getMetadata().getGeneration())
                    .withReplicas(replicas).withUpdatedReplicas(replicas).withReadyReplicas(replicas)
                    .withAvailableReplicas(replicas)
                    .addNewCondition().withType("Available").withStatus("True")
                    .withReason("MinimumReplicasAvailable").endCondition()
                    .addNewCondition().withType("Progressing").withStatus("True")
                    .withReason("NewReplicaSetAvailable").withMessage("ReplicaSet \"" + current.getMetadata().getName()
                            + "\" has successfully progressed.").endCondition()
                    .build());
        }
        store.replace(deploymentPath(namespace, name), deployment);
    }

    /**
     * Deletes the pods that are not the current ReplicaSet's and starts the ones it lacks. Pods nobody owns
     * (the estate's) count as the current ReplicaSet's until its template changes.
     */
    private void runPods(Deployment deployment, ReplicaSet current, int replicas, boolean newTemplate) {
        String namespace = deployment.getMetadata().getNamespace();
        Map<String, String> selector = deployment.getSpec().getSelector().getMatchLabels();
        List<Pod> matching = store.list(podCollection(namespace)).stream()
                .map(json -> Serialization.jsonMapper().convertValue(json, Pod.class))
                .filter(pod -> selects(selector, pod.getMetadata().getLabels()))
                .toList();
        List<Pod> keep = new ArrayList<>();
        List<Pod> gone = new ArrayList<>();
        for (Pod pod : matching) {
            boolean ownedByCurrent = isOwnedBy(pod, current.getMetadata().getUid());
            boolean orphan = pod.getMetadata().getOwnerReferences() == null
                    || pod.getMetadata().getOwnerReferences().isEmpty();
            (ownedByCurrent || (orphan && !newTemplate) ? keep : gone).add(pod);
        }
        while (keep.size() > replicas) {
            gone.add(keep.remove(keep.size() - 1));
        }
        gone.forEach(pod -> store.delete(podPath(namespace, pod.getMetadata().getName())));
        List<Pod> started = new ArrayList<>();
        boolean injected = sidecarInjected(namespace, current.getSpec().getTemplate());
        for (int i = keep.size(); i < replicas; i++) {
            Pod pod = pod(current, injected);
            store.create(podCollection(namespace), pod);
            started.add(pod);
        }
        if (!gone.isEmpty() || !started.isEmpty()) {
            rebuildEndpoints(namespace);
        }
    }

    private Pod pod(ReplicaSet owner, boolean injected) {
        PodTemplateSpec template = owner.getSpec().getTemplate();
        String name = owner.getMetadata().getName() + "-" + suffix();
        List<Container> containers = new ArrayList<>(template.getSpec().getContainers());
        Map<String, String> annotations = new LinkedHashMap<>(orEmpty(template.getMetadata().getAnnotations()));
        if (injected) {
            containers.add(new ContainerBuilder().withName("istio-proxy").withImage(SIDECAR_IMAGE).build());
            annotations.put("sidecar.istio.io/status", SIDECAR_STATUS);
        }
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        PodBuilder pod = new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(owner.getMetadata().getNamespace())
                .withLabels(template.getMetadata().getLabels()).withAnnotations(annotations)
                .withOwnerReferences(ownerReference("apps/v1", "ReplicaSet", owner)).endMetadata()
                .withSpec(template.getSpec()).editSpec().withContainers(containers).withNodeName(NODE).endSpec()
                .withNewStatus().withPhase("Running").withPodIP(nextAddress()).withHostIP("192.168.49.2")
                .withStartTime(started)
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .addNewCondition().withType("ContainersReady").withStatus("True").endCondition()
                .endStatus();
        for (Container container : containers) {
            pod.editStatus().addNewContainerStatus().withName(container.getName()).withImage(container.getImage())
                    .withReady(true).withStarted(true).withRestartCount(0)
                    .withNewState().withNewRunning().withStartedAt(started).endRunning().endState()
                    .endContainerStatus().endStatus();
        }
        return pod.build();
    }

    /**
     * Istio's injector: on where the namespace is labelled {@code istio-injection=enabled} or {@code istio.io/rev},
     * unless the pod template opts out with {@code sidecar.istio.io/inject=false}; a template that opts in is
     * injected wherever the namespace does not opt out.
     */
    private boolean sidecarInjected(String namespace, PodTemplateSpec template) {
        Map<String, String> labels = store.get("/api/v1/namespaces/" + namespace)
                .map(json -> orEmpty(Serialization.unmarshal(json, Namespace.class).getMetadata().getLabels()))
                .orElse(Map.of());
        String injection = labels.get("istio-injection");
        String podChoice = orEmpty(template.getMetadata().getLabels()).getOrDefault("sidecar.istio.io/inject",
                orEmpty(template.getMetadata().getAnnotations()).get("sidecar.istio.io/inject"));
        if ("disabled".equals(injection)) {
            return false;
        }
        if (podChoice != null) {
            return podChoice.equals("true");
        }
        return "enabled".equals(injection) || labels.containsKey("istio.io/rev");
    }

    /** Every Service of the namespace gets Endpoints over the pods its selector matches, as the endpoints controller does. */
    private void rebuildEndpoints(String namespace) {
        List<Pod> pods = store.list(podCollection(namespace)).stream()
                .map(json -> Serialization.jsonMapper().convertValue(json, Pod.class)).toList();
        for (JsonNode json : store.list("/api/v1/namespaces/" + namespace + "/services")) {
            Service service = Serialization.jsonMapper().convertValue(json, Service.class);
            Map<String, String> selector = service.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                continue;
            }
            List<Pod> selected = pods.stream().filter(p -> selects(selector, p.getMetadata().getLabels()))
                    .filter(p -> p.getStatus() != null && p.getStatus().getPodIP() != null).toList();
            String path = "/api/v1/namespaces/" + namespace + "/endpoints/" + service.getMetadata().getName();
            Optional<Endpoints> stored = store.get(path).map(e -> Serialization.unmarshal(e, Endpoints.class));
            Endpoints rebuilt = SyntheticWorkload.endpoints(service, selected, ports(service, stored));
            if (stored.isPresent()) {
                rebuilt.getMetadata().setLabels(stored.get().getMetadata().getLabels());
                store.replace(path, rebuilt);
            } else {
                store.create("/api/v1/namespaces/" + namespace + "/endpoints", rebuilt);
            }
        }
    }

    /** The ports the Endpoints had, or else the Service's target ports. */
    private static List<EndpointPort> ports(Service service, Optional<Endpoints> stored) {
        List<EndpointPort> kept = stored.stream().flatMap(e -> e.getSubsets().stream())
                .map(EndpointSubset::getPorts).filter(p -> p != null && !p.isEmpty()).findFirst().orElse(List.of());
        if (!kept.isEmpty()) {
            return kept;
        }
        return service.getSpec().getPorts().stream()
                .map(p -> new EndpointPortBuilder().withName(p.getName()).withProtocol(p.getProtocol())
                        .withPort(p.getTargetPort() != null && p.getTargetPort().getIntVal() != null
                                ? p.getTargetPort().getIntVal() : p.getPort()).build())
                .toList();
    }

    private ReplicaSet newReplicaSet(Deployment deployment, String hash) {
        Map<String, String> labels = new LinkedHashMap<>(orEmpty(deployment.getSpec().getTemplate().getMetadata().getLabels()));
        labels.put(TEMPLATE_HASH, hash);
        PodTemplateSpec template = Serialization.clone(deployment.getSpec().getTemplate());
        template.getMetadata().setLabels(labels);
        Map<String, String> selector = new LinkedHashMap<>(deployment.getSpec().getSelector().getMatchLabels());
        selector.put(TEMPLATE_HASH, hash);
        return new ReplicaSetBuilder()
                .withNewMetadata().withName(deployment.getMetadata().getName() + "-" + hash)
                .withNamespace(deployment.getMetadata().getNamespace()).withLabels(labels)
                .withAnnotations(new HashMap<>())
                .withOwnerReferences(ownerReference("apps/v1", "Deployment", deployment)).endMetadata()
                .withNewSpec().withNewSelector().withMatchLabels(selector).endSelector().withTemplate(template)
                .endSpec()
                .build();
    }

    private static ReplicaSet withStatus(ReplicaSet rs, int running) {
        rs.setStatus(null);
        return new ReplicaSetBuilder(rs).withNewStatus().withReplicas(running).withReadyReplicas(running)
                .withAvailableReplicas(running).withFullyLabeledReplicas(running).withObservedGeneration(1L)
                .endStatus().build();
    }

    /** Kubernetes copies the Deployment's change-cause onto the ReplicaSet it makes current. */
    private static void copyChangeCause(Deployment deployment, ReplicaSet rs) {
        String cause = orEmpty(deployment.getMetadata().getAnnotations()).get(CHANGE_CAUSE);
        if (cause == null) {
            rs.getMetadata().getAnnotations().remove(CHANGE_CAUSE);
        } else {
            rs.getMetadata().getAnnotations().put(CHANGE_CAUSE, cause);
        }
    }

    private List<ReplicaSet> ownedReplicaSets(Deployment deployment) {
        if (deployment.getMetadata().getAnnotations() == null) {
            deployment.getMetadata().setAnnotations(new LinkedHashMap<>());
        }
        return store.list(replicaSetCollection(deployment.getMetadata().getNamespace())).stream()
                .map(json -> Serialization.jsonMapper().convertValue(json, ReplicaSet.class))
                .filter(rs -> isOwnedBy(rs, deployment.getMetadata().getUid()))
                .peek(rs -> {
                    if (rs.getMetadata().getAnnotations() == null) {
                        rs.getMetadata().setAnnotations(new HashMap<>());
                    }
                })
                .sorted(Comparator.comparingLong(DeploymentController::revision))
                .toList();
    }

    /**
     * A stable name for a pod template: equal templates get equal hashes, so a template that comes back finds its
     * ReplicaSet. (Kubernetes hashes with FNV over its own encoding; only stability matters here.)
     */
    static String templateHash(PodTemplateSpec template) {
        PodTemplateSpec copy = Serialization.clone(template);
        if (copy.getMetadata() != null && copy.getMetadata().getLabels() != null) {
            copy.getMetadata().getLabels().remove(TEMPLATE_HASH);
        }
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(canonicalJson(copy).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        StringBuilder hash = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            hash.append(SUFFIX_ALPHABET.charAt((digest[i] & 0xff) % SUFFIX_ALPHABET.length()));
        }
        return hash.toString();
    }

    /** Map keys sorted at every level, so label order does not change the hash. */
    private static String canonicalJson(Object value) {
        try {
            return Serialization.jsonMapper().writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(Serialization.jsonMapper().convertValue(value, Map.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a pod template that cannot be written as JSON", e);
        }
    }

    static long revision(HasMetadata object) {
        String value = orEmpty(object.getMetadata().getAnnotations()).get(REVISION);
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isOwnedBy(HasMetadata object, String uid) {
        return object.getMetadata().getOwnerReferences() != null
                && object.getMetadata().getOwnerReferences().stream().anyMatch(o -> uid.equals(o.getUid()));
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return labels != null && selector != null && !selector.isEmpty()
                && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static OwnerReference ownerReference(String apiVersion, String kind, HasMetadata owner) {
        return new OwnerReferenceBuilder().withApiVersion(apiVersion).withKind(kind)
                .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
                .withController(true).withBlockOwnerDeletion(true).build();
    }

    private static Map<String, String> labels(HasMetadata object) {
        return orEmpty(object.getMetadata().getLabels());
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    private String suffix() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(SUFFIX_ALPHABET.charAt(suffixes.nextInt(SUFFIX_ALPHABET.length())));
        }
        return suffix.toString();
    }

    private String nextAddress() {
        int n = nextAddress.getAndIncrement();
        return POD_NETWORK + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }

    private static String deploymentPath(String namespace, String name) {
        return "/apis/apps/v1/namespaces/" + namespace + "/deployments/" + name;
    }

    static String replicaSetCollection(String namespace) {
        return "/apis/apps/v1/namespaces/" + namespace + "/replicasets";
    }

    private static String replicaSetPath(String namespace, String name) {
        return replicaSetCollection(namespace) + "/" + name;
    }

    private static String podCollection(String namespace) {
        return "/api/v1/namespaces/" + namespace + "/pods";
    }

    private static String podPath(String namespace, String name) {
        return podCollection(namespace) + "/" + name;
    }
}
