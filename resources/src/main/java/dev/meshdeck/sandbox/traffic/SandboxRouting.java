package dev.meshdeck.sandbox.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshdeck.core.telemetry.ServiceRef;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRouteDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.client.IstioClient;
import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.TrafficTarget;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's routing as it is now: VirtualService weights (catch-all route), Knative traffic percents and
 * Lambda alias weights, read from the sandbox's Kubernetes API and Lambda control plane on {@link #refresh()}.
 * Destinations resolve to the Deployments a Service (plus a DestinationRule subset) selects, shared by ready
 * replicas, and are named the way Istio's telemetry names them.
 *
 * <p>Listing the mesh's objects scans the whole in-process API's store (seconds of CPU once the sandbox holds
 * thousands of functions), so {@link #refreshChanged()} lists them again only after a watch has seen one of them
 * change; {@link #refresh()} always reads.
 */
public final class SandboxRouting implements Routing, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxRouting.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesClient kube;
    private final String meshScope;
    private final URI lambdaEndpoint;
    private final String lambdaScope;
    private final String region;
    private final Set<CallTarget> targets;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicBoolean meshChanged = new AtomicBoolean(true);
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private volatile boolean watching;
    private volatile Runnable onChange = () -> { };
    private volatile Map<CallTarget, List<RoutedVersion>> table = Map.of();
    private Map<CallTarget, List<RoutedVersion>> meshRoutes = Map.of();
    private Map<CallTarget, Redirect> redirects = Map.of();
    private final Map<CallTarget, String> urlHosts = new HashMap<>();

    /**
     * @param meshScope   telemetry scope of the cluster (the kube context's source id)
     * @param lambdaScope telemetry scope of the Lambda region (its source id)
     * @param targets     the hosts and functions to resolve
     */
    public SandboxRouting(KubernetesClient kube, String meshScope, URI lambdaEndpoint, String lambdaScope, String region,
                          Set<CallTarget> targets) {
        this.kube = kube;
        this.meshScope = meshScope;
        this.lambdaEndpoint = lambdaEndpoint;
        this.lambdaScope = lambdaScope;
        this.region = region;
        this.targets = Set.copyOf(targets);
    }

    @Override
    public List<RoutedVersion> versionsOf(CallTarget target) {
        return table.getOrDefault(target, List.of());
    }

    @Override
    public synchronized void refresh() {
        read(true);
    }

    /** Reads the Lambda aliases, and the mesh's objects only if a watch saw one change (or no watch runs). */
    @Override
    public synchronized void refreshChanged() {
        read(!watching || meshChanged.get());
    }

    /**
     * Starts the watches that tell {@link #refreshChanged()} when the mesh's routing objects changed, and
     * {@code onChange} at once (a canary judging seconds of traffic cannot wait for the next tick).
     */
    public void watchChanges(Runnable onChange) {
        this.onChange = onChange;
        IstioClient istio = kube.adapt(IstioClient.class);
        watches.add(istio.v1().virtualServices().inAnyNamespace().watch(changeMarker()));
        watches.add(istio.v1().destinationRules().inAnyNamespace().watch(changeMarker()));
        watches.add(kube.adapt(KnativeClient.class).services().inAnyNamespace().watch(changeMarker()));
        watches.add(kube.services().inAnyNamespace().watch(changeMarker()));
        watches.add(kube.apps().deployments().inAnyNamespace().watch(changeMarker()));
        watching = true;
        meshChanged.set(true);
    }

    @Override
    public void close() {
        watching = false;
        watches.forEach(Watch::close);
        watches.clear();
    }

    private <T> Watcher<T> changeMarker() {
        return new Watcher<>() {
            @Override
            public void eventReceived(Action action, T resource) {
                meshChanged.set(true);
                onChange.run();
            }

            @Override
            public void onClose(WatcherException cause) {
                // a lost watch must not freeze the routing: read on every refresh from now on
                watching = false;
            }
        };
    }

    private void read(boolean mesh) {
        try {
            if (mesh) {
                // cleared before reading: a change during the read marks it again
                meshChanged.set(false);
                meshRoutes = readMesh();
            }
            Map<CallTarget, List<RoutedVersion>> next = new HashMap<>(meshRoutes);
            for (CallTarget target : targets) {
                if (target instanceof CallTarget.LambdaFunction fn) {
                    Redirect redirect = redirects.get(target);
                    next.put(target, redirect == null ? lambdaVersions(fn) : redirect.with(lambdaVersions(fn)));
                }
            }
            table = Map.copyOf(next);
        } catch (RuntimeException e) {
            meshChanged.compareAndSet(false, mesh);
            // the sandbox is stopping or was changed by hand into something unreadable: keep the last routing
            LOG.debug("Keeping the previous sandbox routing: {}", e.toString());
        }
    }

    private Map<CallTarget, List<RoutedVersion>> readMesh() {
        Map<String, Namespace> namespaces = new HashMap<>();
        Map<CallTarget, List<RoutedVersion>> routes = new HashMap<>();
        for (CallTarget target : targets) {
            if (target instanceof CallTarget.MeshHost host) {
                routes.put(target, namespaces.computeIfAbsent(host.namespace(), this::readNamespace).route(host.host()));
            }
        }
        // a VirtualService on a Lambda function URL's host (a failover) sends the mesh's calls to it elsewhere;
        // looked for where the mesh's callers live, the namespaces read above
        Map<CallTarget, Redirect> found = new HashMap<>();
        for (CallTarget target : targets) {
            if (target instanceof CallTarget.LambdaFunction fn && !fn.alias().isEmpty()) {
                String host = urlHosts.getOrDefault(fn, "");
                if (host.isEmpty()) {
                    host = urlHost(fn);
                    urlHosts.put(fn, host);
                }
                for (Namespace ns : List.copyOf(namespaces.values())) {
                    Optional<Redirect> redirect = ns.redirect(host);
                    if (redirect.isPresent()) {
                        found.put(target, redirect.get());
                        break;
                    }
                }
            }
        }
        redirects = Map.copyOf(found);
        return routes;
    }

    /**
     * Where a VirtualService sends the mesh's calls to a Lambda function URL: mesh workloads, computed when the
     * mesh is read, and the share still going to the function itself, split by its alias when traffic flows.
     */
    private record Redirect(List<RoutedVersion> mesh, double lambdaPercent) {
        List<RoutedVersion> with(List<RoutedVersion> lambda) {
            List<RoutedVersion> all = new ArrayList<>(mesh);
            lambda.forEach(v -> all.add(new RoutedVersion(v.destination(), v.serviceHost(), v.version(), v.workload(),
                    v.percent() * lambdaPercent / 100)));
            return all;
        }
    }

    /** The host of the function URL of {@code fn}'s alias, as GetFunctionUrlConfig answers it. */
    private String urlHost(CallTarget.LambdaFunction fn) {
        JsonNode url = getJson(lambdaEndpoint.resolve("/2021-10-31/functions/" + fn.function() + "/url?Qualifier=" + fn.alias()),
                "the URL of " + fn);
        return url == null ? "" : URI.create(url.path("FunctionUrl").asText()).getHost();
    }

    private Namespace readNamespace(String ns) {
        IstioClient istio = kube.adapt(IstioClient.class);
        return new Namespace(ns,
                istio.v1().virtualServices().inNamespace(ns).list().getItems(),
                istio.v1().destinationRules().inNamespace(ns).list().getItems(),
                kube.adapt(KnativeClient.class).services().inNamespace(ns).list().getItems(),
                byName(kube.services().inNamespace(ns).list().getItems(), s -> s.getMetadata().getName()),
                kube.apps().deployments().inNamespace(ns).list().getItems());
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    /** One namespace's routing objects, read once per refresh. */
    private final class Namespace {
        private final String name;
        private final List<VirtualService> virtualServices;
        private final List<DestinationRule> destinationRules;
        private final List<io.fabric8.knative.serving.v1.Service> knativeServices;
        private final Map<String, Service> services;
        private final List<Deployment> deployments;

        Namespace(String name, List<VirtualService> virtualServices, List<DestinationRule> destinationRules,
                  List<io.fabric8.knative.serving.v1.Service> knativeServices, Map<String, Service> services,
                  List<Deployment> deployments) {
            this.name = name;
            this.virtualServices = virtualServices;
            this.destinationRules = destinationRules;
            this.knativeServices = knativeServices;
            this.services = services;
            this.deployments = deployments;
        }

        List<RoutedVersion> route(String host) {
            Optional<io.fabric8.knative.serving.v1.Service> knative = knativeServices.stream()
                    .filter(k -> k.getMetadata().getName().equals(host)).findFirst();
            if (knative.isPresent()) {
                return knativeVersions(knative.get());
            }
            Optional<VirtualService> vs = virtualServices.stream()
                    .filter(v -> v.getSpec() != null && v.getSpec().getHosts() != null
                            && v.getSpec().getHosts().stream().anyMatch(h -> shortName(h).equals(host)))
                    .findFirst();
            if (vs.isEmpty()) {
                return workloads(host, "", 100);
            }
            return routed(vs.get(), "").mesh();
        }

        /** Where this namespace's VirtualService for an external {@code host} sends calls, if it has one. */
        Optional<Redirect> redirect(String host) {
            return virtualServices.stream()
                    .filter(v -> v.getSpec() != null && v.getSpec().getHosts() != null && v.getSpec().getHosts().contains(host))
                    .findFirst()
                    .map(v -> routed(v, host));
        }

        /** The catch-all route's destinations resolved to workloads; those to {@code external} are left as a share. */
        private Redirect routed(VirtualService vs, String external) {
            List<RoutedVersion> versions = new ArrayList<>();
            double externalPercent = 0;
            List<HTTPRouteDestination> destinations = catchAll(vs.getSpec().getHttp());
            for (HTTPRouteDestination d : destinations) {
                double weight = d.getWeight() != null ? d.getWeight() : destinations.size() == 1 ? 100 : 0;
                if (weight > 0 && d.getDestination() != null) {
                    String destinationHost = d.getDestination().getHost();
                    if (destinationHost.equals(external)) {
                        externalPercent += weight;
                        continue;
                    }
                    String subset = Objects.requireNonNullElse(d.getDestination().getSubset(), "");
                    // a destination in another namespace (svc.ns...) is resolved where it lives
                    String ns = namespaceOf(destinationHost, name);
                    Namespace owner = ns.equals(name) ? this : readNamespace(ns);
                    versions.addAll(owner.workloads(shortName(destinationHost), subset, weight));
                }
            }
            return new Redirect(versions, externalPercent);
        }

        private List<RoutedVersion> knativeVersions(io.fabric8.knative.serving.v1.Service ksvc) {
            String service = ksvc.getMetadata().getName();
            String latest = ksvc.getStatus() != null && ksvc.getStatus().getLatestReadyRevisionName() != null
                    ? ksvc.getStatus().getLatestReadyRevisionName() : service + "-00001";
            List<TrafficTarget> traffic = ksvc.getSpec() == null || ksvc.getSpec().getTraffic() == null
                    ? List.of() : ksvc.getSpec().getTraffic();
            if (traffic.isEmpty()) {
                return List.of(knativeVersion(service, latest, 100));
            }
            List<RoutedVersion> versions = new ArrayList<>();
            for (TrafficTarget t : traffic) {
                long percent = t.getPercent() == null ? 0 : t.getPercent();
                String revision = Boolean.TRUE.equals(t.getLatestRevision()) || t.getRevisionName() == null
                        ? latest : t.getRevisionName();
                if (percent > 0) {
                    versions.add(knativeVersion(service, revision, percent));
                }
            }
            return versions;
        }

        private RoutedVersion knativeVersion(String service, String revision, double percent) {
            return new RoutedVersion(new ServiceRef(meshScope, name, service), service, revision,
                    revision + "-deployment", percent);
        }

        /** The Deployments behind a Service (and subset), sharing {@code weight} by ready replicas. */
        List<RoutedVersion> workloads(String serviceName, String subset, double weight) {
            Service service = services.get(serviceName);
            if (service == null || service.getSpec().getSelector() == null || service.getSpec().getSelector().isEmpty()) {
                // no Service to follow: the telemetry still names the host
                return List.of(new RoutedVersion(new ServiceRef(meshScope, name, serviceName), serviceName, "unknown",
                        "unknown", weight));
            }
            Map<String, String> selector = new HashMap<>(service.getSpec().getSelector());
            selector.putAll(subsetLabels(serviceName, subset));
            List<Deployment> selected = deployments.stream()
                    .filter(d -> labelsOf(d).entrySet().containsAll(selector.entrySet()))
                    .toList();
            double replicas = selected.stream().mapToDouble(Namespace::readyReplicas).sum();
            List<RoutedVersion> versions = new ArrayList<>();
            for (Deployment d : selected) {
                double share = replicas > 0 ? readyReplicas(d) / replicas : 1.0 / selected.size();
                Map<String, String> labels = labelsOf(d);
                String canonical = firstLabel(labels, d.getMetadata().getName(),
                        "service.istio.io/canonical-name", "app.kubernetes.io/name", "app");
                String revision = firstLabel(labels, "latest",
                        "service.istio.io/canonical-revision", "app.kubernetes.io/version", "version");
                versions.add(new RoutedVersion(new ServiceRef(meshScope, name, canonical), serviceName, revision,
                        d.getMetadata().getName(), weight * share));
            }
            return versions;
        }

        private Map<String, String> subsetLabels(String serviceName, String subset) {
            if (subset.isEmpty()) {
                return Map.of();
            }
            return destinationRules.stream()
                    .filter(dr -> dr.getSpec() != null && dr.getSpec().getHost() != null
                            && shortName(dr.getSpec().getHost()).equals(serviceName) && dr.getSpec().getSubsets() != null)
                    .flatMap(dr -> dr.getSpec().getSubsets().stream())
                    .filter(s -> subset.equals(s.getName()))
                    .map(Subset::getLabels)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(Map.of());
        }

        private static Map<String, String> labelsOf(Deployment d) {
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            return labels == null ? Map.of() : labels;
        }

        private static double readyReplicas(Deployment d) {
            Integer ready = d.getStatus() == null ? null : d.getStatus().getReadyReplicas();
            return ready == null ? 0 : ready;
        }
    }

    /** The catch-all http route (the last without match, else the first), as the conventions define it. */
    private static List<HTTPRouteDestination> catchAll(List<HTTPRoute> routes) {
        if (routes == null || routes.isEmpty()) {
            return List.of();
        }
        HTTPRoute chosen = routes.get(0);
        for (HTTPRoute r : routes) {
            if (r.getMatch() == null || r.getMatch().isEmpty()) {
                chosen = r;
            }
        }
        return chosen.getRoute() == null ? List.of() : chosen.getRoute();
    }

    private static String shortName(String host) {
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(0, dot);
    }

    private static String namespaceOf(String host, String own) {
        String[] parts = host.split("\\.");
        return parts.length >= 2 ? parts[1] : own;
    }

    private static String firstLabel(Map<String, String> labels, String fallback, String... keys) {
        for (String key : keys) {
            String value = labels.get(key);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return fallback;
    }

    /** The alias' version and its AdditionalVersionWeights, read from the Lambda control plane. */
    private List<RoutedVersion> lambdaVersions(CallTarget.LambdaFunction fn) {
        ServiceRef destination = new ServiceRef(lambdaScope, "", fn.function());
        String host = fn.function() + ".lambda-url." + region + ".on.aws";
        if (fn.alias().isEmpty()) {
            return List.of(new RoutedVersion(destination, host, "$LATEST", fn.function(), 100));
        }
        JsonNode alias = getJson(lambdaEndpoint.resolve("/2015-03-31/functions/" + fn.function() + "/aliases/" + fn.alias()),
                "the alias " + fn);
        if (alias == null) {
            return List.of();
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        alias.path("RoutingConfig").path("AdditionalVersionWeights").fields()
                .forEachRemaining(e -> weights.put(e.getKey(), e.getValue().asDouble()));
        double additional = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        List<RoutedVersion> versions = new ArrayList<>();
        versions.add(new RoutedVersion(destination, host, alias.path("FunctionVersion").asText(), fn.function(),
                100 * (1 - additional)));
        weights.forEach((version, w) -> versions.add(new RoutedVersion(destination, host, version, fn.function(), 100 * w)));
        return versions;
    }

    /** A GET of the Lambda control plane; null (logged) when it does not answer 200. */
    private JsonNode getJson(URI uri, String what) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                LOG.debug("Cannot read {}: the Lambda control plane answered {}", what, response.statusCode());
                return null;
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + what + " from " + lambdaEndpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + what, e);
        }
    }
}
