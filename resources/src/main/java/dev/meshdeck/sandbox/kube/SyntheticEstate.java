package dev.meshdeck.sandbox.kube;

import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettingsTLSmode;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestinationBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsSimple;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsSimpleLB;
import io.fabric8.istio.api.api.networking.v1alpha3.SubsetBuilder;
import io.fabric8.istio.api.api.security.v1beta1.AuthorizationPolicyAction;
import io.fabric8.istio.api.networking.v1.DestinationRuleBuilder;
import io.fabric8.istio.api.networking.v1.VirtualServiceBuilder;
import io.fabric8.istio.api.security.v1.AuthorizationPolicyBuilder;
import io.fabric8.knative.pkg.apis.Condition;
import io.fabric8.knative.pkg.apis.ConditionBuilder;
import io.fabric8.knative.serving.v1.RevisionBuilder;
import io.fabric8.knative.serving.v1.ServiceBuilder;
import io.fabric8.knative.serving.v1.TrafficTarget;
import io.fabric8.knative.serving.v1.TrafficTargetBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static dev.meshdeck.sandbox.kube.SyntheticWorkload.labels;
import static dev.meshdeck.sandbox.kube.SyntheticWorkload.owner;

/**
 * Generates functions for scale work: about {@value #FUNCTIONS_PER_NAMESPACE} per namespace
 * ({@code synth-0000}, {@code synth-0001}, ...), each with its workload, pods, Service and Endpoints.
 * <ul>
 *   <li>Platforms repeat in tens: 3 Knative, 2 OpenFaaS, 1 Kubeless, 4 plain Kubernetes, so the count per
 *       platform is known for any size.</li>
 *   <li>Every fifth namespace has no sidecar injection; about 5% of functions are degraded; a fifth of the
 *       Knative and a quarter of the Kubernetes functions run a canary split.</li>
 *   <li>About 30% get a VirtualService and DestinationRule (all canaries do), about 15% an
 *       AuthorizationPolicy.</li>
 * </ul>
 * A fixed random seed makes the same size produce the same estate.
 */
final class SyntheticEstate {

    static final int FUNCTIONS_PER_NAMESPACE = 100;

    enum Platform { KNATIVE, OPENFAAS, KUBELESS, KUBERNETES }

    private static final Platform[] PLATFORM_CYCLE = {
        Platform.KUBERNETES, Platform.KNATIVE, Platform.OPENFAAS, Platform.KUBERNETES, Platform.KNATIVE,
        Platform.KUBELESS, Platform.KUBERNETES, Platform.OPENFAAS, Platform.KNATIVE, Platform.KUBERNETES};
    private static final String[] DOMAINS = {"order", "invoice", "image", "cart", "user", "payment", "report",
        "email", "search", "stock", "price", "geo", "audit", "session", "coupon"};
    private static final String[] ACTIONS = {"resize", "sync", "export", "notify", "lookup", "render", "score",
        "ingest", "validate", "publish", "archive", "enrich"};
    private static final long SEED = 0x6d65736864656b4cL;

    private final Random random;
    private final SyntheticWorkload workloads;
    private final List<HasMetadata> objects = new ArrayList<>();

    /** One generator per namespace, with its own seed and pod addresses, so namespaces build in parallel. */
    private SyntheticEstate(int namespaceIndex) {
        this.random = new Random(SEED + namespaceIndex);
        this.workloads = new SyntheticWorkload(new SyntheticWorkload.PodAddresses(namespaceIndex));
    }

    static Estate generate(int functions) {
        if (functions < 0) {
            throw new IllegalArgumentException("A synthetic estate needs zero or more functions, not " + functions);
        }
        int namespaces = (functions + FUNCTIONS_PER_NAMESPACE - 1) / FUNCTIONS_PER_NAMESPACE;
        return new Estate(IntStream.range(0, namespaces).parallel()
                .mapToObj(n -> new SyntheticEstate(n).namespaceWithFunctions(n * FUNCTIONS_PER_NAMESPACE,
                        Math.min(functions, (n + 1) * FUNCTIONS_PER_NAMESPACE)))
                .flatMap(List::stream)
                .toList());
    }

    private List<HasMetadata> namespaceWithFunctions(int first, int end) {
        namespace(first);
        for (int i = first; i < end; i++) {
            function(i);
        }
        return objects;
    }

    static Platform platformOf(int index) {
        return PLATFORM_CYCLE[index % PLATFORM_CYCLE.length];
    }

    static String namespaceOf(int index) {
        return String.format(Locale.ROOT, "synth-%04d", index / FUNCTIONS_PER_NAMESPACE);
    }

    private static boolean injected(int index) {
        return (index / FUNCTIONS_PER_NAMESPACE) % 5 != 4;
    }

    private void namespace(int index) {
        NamespaceBuilder namespace = new NamespaceBuilder().withNewMetadata().withName(namespaceOf(index))
                .addToLabels("meshdeck.dev/synthetic", "true").endMetadata();
        if (injected(index)) {
            namespace.editMetadata().addToLabels("istio-injection", "enabled").endMetadata();
        }
        objects.add(namespace.build());
    }

    private void function(int index) {
        String ns = namespaceOf(index);
        String name = DOMAINS[random.nextInt(DOMAINS.length)] + "-" + ACTIONS[random.nextInt(ACTIONS.length)]
                + String.format(Locale.ROOT, "-%05d", index);
        int roll = random.nextInt(10);
        int replicas = roll < 6 ? 1 : roll < 9 ? 2 : 3;
        int ready = random.nextInt(20) == 0 ? replicas - 1 : replicas;
        boolean injected = injected(index);
        boolean routed;
        Map<String, String> podSelector;
        switch (platformOf(index)) {
            case KNATIVE:
                podSelector = labels("serving.knative.dev/service", name);
                routed = knative(ns, name, replicas, ready, injected);
                break;
            case OPENFAAS:
                podSelector = labels("faas_function", name);
                openFaas(ns, name, replicas, ready, injected);
                routed = false;
                break;
            case KUBELESS:
                podSelector = labels("function", name);
                kubeless(ns, name, replicas, ready, injected);
                routed = false;
                break;
            default:
                podSelector = labels("app", name);
                routed = kubernetes(ns, name, replicas, ready, injected);
        }
        if (!routed && random.nextInt(100) < 30) {
            meshRoute(ns, name);
        }
        if (random.nextInt(100) < 15) {
            allowFrontend(ns, name, podSelector);
        }
    }

    /** @return whether it runs a canary split (Knative routes it itself, no VirtualService needed) */
    private boolean knative(String ns, String name, int replicas, int ready, boolean injected) {
        boolean canary = random.nextInt(5) == 0;
        boolean scaledToZero = !canary && random.nextInt(10) == 0;
        String first = name + "-00001";
        String latest = canary ? name + "-00002" : first;
        String image = "ghcr.io/meshdeck/synthetic/" + name + ":1." + random.nextInt(20);
        List<TrafficTarget> traffic = canary
                ? List.of(new TrafficTargetBuilder().withRevisionName(first).withLatestRevision(false).withPercent(80L).build(),
                new TrafficTargetBuilder().withRevisionName(latest).withLatestRevision(false).withPercent(20L)
                        .withTag("canary").build())
                : List.of(new TrafficTargetBuilder().withLatestRevision(true).withPercent(100L).build());
        objects.add(new ServiceBuilder()
                .withNewMetadata().withName(name).withNamespace(ns).addToLabels("meshdeck.dev/synthetic", "true")
                .endMetadata()
                .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withImage(image).endContainer()
                .endSpec().endTemplate().withTraffic(traffic).endSpec()
                .withNewStatus().withObservedGeneration(1L).withLatestCreatedRevisionName(latest)
                .withLatestReadyRevisionName(latest).withUrl("http://" + name + "." + ns + ".meshdeck.example")
                .withConditions(ready("ConfigurationsReady"), ready("Ready"), ready("RoutesReady"))
                .endStatus()
                .build());
        List<Pod> pods = new ArrayList<>();
        for (String revision : canary ? List.of(first, latest) : List.of(first)) {
            boolean isLatest = revision.equals(latest);
            int revisionReplicas = scaledToZero ? 0 : isLatest && canary ? 1 : replicas;
            int revisionReady = scaledToZero ? 0 : isLatest && canary ? 1 : ready;
            objects.add(new RevisionBuilder()
                    .withNewMetadata().withName(revision).withNamespace(ns)
                    .addToLabels("serving.knative.dev/service", name)
                    .addToLabels("serving.knative.dev/configuration", name)
                    .withOwnerReferences(owner("serving.knative.dev/v1", "Configuration", name)).endMetadata()
                    .withNewSpec().addNewContainer().withImage(image).endContainer().endSpec()
                    .withNewStatus().withObservedGeneration(1L).withActualReplicas(revisionReady)
                    .withDesiredReplicas(revisionReplicas).withConditions(ready("Ready")).endStatus()
                    .build());
            SyntheticWorkload.Version version = workloads.version(ns, revision + "-deployment",
                    labels("serving.knative.dev/service", name, "serving.knative.dev/revision", revision,
                            "app", revision),
                    labels("serving.knative.dev/revision", revision), revisionReplicas, revisionReady, image,
                    injected, List.of(owner("serving.knative.dev/v1", "Revision", revision)));
            objects.add(version.deployment());
            objects.addAll(version.pods());
            pods.addAll(version.pods());
        }
        objects.addAll(SyntheticWorkload.frontedBy(ns, name, labels("serving.knative.dev/service", name), pods));
        return canary;
    }

    private static Condition ready(String type) {
        return new ConditionBuilder().withType(type).withStatus("True").build();
    }

    private void openFaas(String ns, String name, int replicas, int ready, boolean injected) {
        String image = "ghcr.io/meshdeck/synthetic/" + name + ":0." + random.nextInt(20);
        objects.add(new GenericKubernetesResourceBuilder().withApiVersion("openfaas.com/v1").withKind("Function")
                .withNewMetadata().withName(name).withNamespace(ns).addToLabels("meshdeck.dev/synthetic", "true")
                .endMetadata()
                .addToAdditionalProperties("spec", Map.of("name", name, "image", image,
                        "labels", Map.of("com.openfaas.scale.min", String.valueOf(replicas))))
                .build());
        Map<String, String> selector = labels("faas_function", name);
        SyntheticWorkload.Version version = workloads.version(ns, name, labels("faas_function", name, "app", name),
                selector, replicas, ready, image, injected, List.of(owner("openfaas.com/v1", "Function", name)));
        objects.add(version.deployment());
        objects.addAll(version.pods());
        objects.addAll(SyntheticWorkload.frontedBy(ns, name, selector, version.pods()));
    }

    private void kubeless(String ns, String name, int replicas, int ready, boolean injected) {
        objects.add(new GenericKubernetesResourceBuilder().withApiVersion("kubeless.io/v1beta1").withKind("Function")
                .withNewMetadata().withName(name).withNamespace(ns).addToLabels("function", name)
                .addToLabels("created-by", "kubeless").endMetadata()
                .addToAdditionalProperties("spec", Map.of("runtime", "python3.9", "handler", "handler.run",
                        "function", "def run(event, context):\n    return 'ok'\n"))
                .build());
        Map<String, String> labels = labels("function", name, "created-by", "kubeless");
        SyntheticWorkload.Version version = workloads.version(ns, name, labels, labels, replicas, ready,
                "kubeless/python39:1.0.8", injected, List.of(owner("kubeless.io/v1beta1", "Function", name)));
        objects.add(version.deployment());
        objects.addAll(version.pods());
        objects.addAll(SyntheticWorkload.frontedBy(ns, name, labels("function", name), version.pods()));
    }

    /** @return whether it runs a canary split through its own VirtualService */
    private boolean kubernetes(String ns, String name, int replicas, int ready, boolean injected) {
        boolean canary = random.nextInt(4) == 0;
        // both default marking rules of conventions.md occur
        String[] marker = random.nextBoolean() ? new String[] {"meshdeck.dev/function", "true"}
                : new String[] {"app.kubernetes.io/component", "function"};
        List<Pod> pods = new ArrayList<>();
        for (String v : canary ? List.of("v1", "v2") : List.of("v1")) {
            boolean stable = v.equals("v1");
            SyntheticWorkload.Version version = workloads.version(ns, canary ? name + "-" + v : name,
                    labels("app", name, "version", v, marker[0], marker[1]), labels("app", name, "version", v),
                    stable ? replicas : 1, stable ? ready : 1,
                    "ghcr.io/meshdeck/synthetic/" + name + ":" + v, injected, List.of());
            objects.add(version.deployment());
            objects.addAll(version.pods());
            pods.addAll(version.pods());
        }
        objects.addAll(SyntheticWorkload.frontedBy(ns, name, labels("app", name), pods));
        if (canary) {
            int[][] splits = {{90, 10}, {80, 20}, {50, 50}};
            int[] split = splits[random.nextInt(splits.length)];
            objects.add(new VirtualServiceBuilder()
                    .withNewMetadata().withName(name).withNamespace(ns).addToLabels("app", name).endMetadata()
                    .withNewSpec().withHosts(name)
                    .addNewHttp().withName("canary").withRoute(subsetRoute(name, "v1", split[0]),
                            subsetRoute(name, "v2", split[1])).endHttp()
                    .endSpec().build());
            objects.add(destinationRule(ns, name, true));
        }
        return canary;
    }

    private static HTTPRouteDestination subsetRoute(String host, String subset, int weight) {
        return new HTTPRouteDestinationBuilder().withNewDestination().withHost(host).withSubset(subset)
                .endDestination().withWeight(weight).build();
    }

    private void meshRoute(String ns, String name) {
        objects.add(new VirtualServiceBuilder()
                .withNewMetadata().withName(name).withNamespace(ns).addToLabels("app", name).endMetadata()
                .withNewSpec().withHosts(name)
                .addNewHttp().withName("primary").withTimeout((1 + random.nextInt(5)) + "s")
                .withNewRetries().withAttempts(2).withPerTryTimeout("1s").withRetryOn("5xx,connect-failure")
                .endRetries()
                .withRoute(new HTTPRouteDestinationBuilder().withNewDestination().withHost(name).endDestination()
                        .build())
                .endHttp()
                .endSpec().build());
        objects.add(destinationRule(ns, name, false));
    }

    private static HasMetadata destinationRule(String ns, String name, boolean versionSubsets) {
        DestinationRuleBuilder rule = new DestinationRuleBuilder()
                .withNewMetadata().withName(name).withNamespace(ns).addToLabels("app", name).endMetadata()
                .withNewSpec().withHost(name)
                .withNewTrafficPolicy()
                .withNewLoadBalancer().withLbPolicy(new LoadBalancerSettingsSimple(LoadBalancerSettingsSimpleLB.LEAST_REQUEST))
                .endLoadBalancer()
                .withNewTls().withMode(ClientTLSSettingsTLSmode.ISTIO_MUTUAL).endTls()
                .endTrafficPolicy()
                .endSpec();
        if (versionSubsets) {
            rule.editSpec().withSubsets(new SubsetBuilder().withName("v1").addToLabels("version", "v1").build(),
                    new SubsetBuilder().withName("v2").addToLabels("version", "v2").build()).endSpec();
        }
        return rule.build();
    }

    private void allowFrontend(String ns, String name, Map<String, String> podSelector) {
        objects.add(new AuthorizationPolicyBuilder()
                .withNewMetadata().withName(name + "-allow-frontend").withNamespace(ns).endMetadata()
                .withNewSpec().withNewSelector().withMatchLabels(podSelector).endSelector()
                .withAction(AuthorizationPolicyAction.ALLOW)
                .addNewRule()
                .addNewFrom().withNewSource().withNamespaces("frontend").endSource().endFrom()
                .addNewTo().withNewOperation().withMethods("GET").endOperation().endTo()
                .endRule()
                .endSpec().build());
    }
}
