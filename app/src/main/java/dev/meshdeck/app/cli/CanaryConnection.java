package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.app.wiring.ChangeWiring;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.connectors.aws.LambdaCanaryMetrics;
import dev.meshdeck.connectors.canary.FileCanaryRunStore;
import dev.meshdeck.connectors.prometheus.ApiServerProxyPrometheus;
import dev.meshdeck.connectors.prometheus.DirectPrometheus;
import dev.meshdeck.connectors.prometheus.IstioCanaryQueries;
import dev.meshdeck.connectors.prometheus.IstioCounterScrape;
import dev.meshdeck.connectors.prometheus.IstioVersion;
import dev.meshdeck.core.canary.CanaryClock;
import dev.meshdeck.core.canary.CanaryMetrics;
import dev.meshdeck.core.canary.CanaryPlan;
import dev.meshdeck.core.canary.NamespacePlan;
import dev.meshdeck.core.canary.CanaryRun;
import dev.meshdeck.core.canary.CanaryRunStore;
import dev.meshdeck.core.canary.CanaryRunner;
import dev.meshdeck.core.canary.PipelineTraffic;
import dev.meshdeck.core.canary.RunTarget;
import dev.meshdeck.core.changes.ApplyTargets;
import dev.meshdeck.core.changes.ProductionGuard;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.traffic.CanaryEditor;
import dev.meshdeck.core.yaml.YamlDocument;
import dev.meshdeck.core.yaml.YamlProblem;
import dev.meshdeck.core.yaml.YamlReader;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything a canary of one function needs, connected: the function found in its sources, the object carrying its
 * traffic, the apply pipeline of its context or region, its figures (Prometheus or Istio's series for the mesh,
 * CloudWatch for Lambda), the run store of the data directory, and the runner over them.
 */
final class CanaryConnection implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Sources sources;
    private final boolean ownsSources;
    private final ApplyTargets.Connection wiring;
    private final CanaryMetrics metrics;
    private final KubernetesClient prometheusClient;
    final ServerlessFunction function;
    final ResourceId resource;
    final RunTarget target;
    final String candidate;
    final List<String> stable;
    final CanaryRunStore store;
    final CanaryRunner runner;

    /** Where a connection's pipeline, run store and figures come from: a command's own, or the window's. */
    record Setting(Sources sources, boolean ownsSources, Pipelines pipelines, CanaryRunStore store, CanaryOptions options) {
    }

    /** The apply pipeline to where {@code function} lives. */
    interface Pipelines {
        ApplyTargets.Connection open(ServerlessFunction function);
    }

    /** @param knownStable a stored run's stable versions (its split may have moved since), or null to read them live */
    private CanaryConnection(Setting setting, ServerlessFunction function, ObjectNode carrier, List<JsonNode> objects,
                             String wantedCandidate, List<String> knownStable) {
        Sources sources = setting.sources();
        CanaryOptions options = setting.options();
        this.sources = sources;
        this.ownsSources = setting.ownsSources();
        this.function = function;
        this.resource = ResourceId.of(carrier);
        if (knownStable != null) {
            this.candidate = wantedCandidate;
            this.stable = List.copyOf(knownStable);
        } else {
            this.candidate = CanaryEditor.of(carrier, wantedCandidate).split().candidate();
            this.stable = CanaryEditor.shares(carrier).stream().map(TrafficShare::version).filter(v -> !v.equals(candidate))
                    .toList();
        }
        boolean lambda = function.platform() == Platform.LAMBDA;
        String context = null;
        if (function.source() instanceof SourceRef.AwsRegion region) {
            this.target = RunTarget.aws(region.region(), region.profile());
        } else {
            context = ((SourceRef.KubeContext) function.source()).context();
            this.target = RunTarget.kube(context);
        }
        this.wiring = setting.pipelines().open(function);
        KubernetesClient client = null;
        if (lambda) {
            this.metrics = new LambdaCanaryMetrics(sources.aws().settings().orElseThrow(), target.awsRegion(),
                    resource.namespace(), resource.name(), candidate, stable);
        } else {
            String ns = function.namespace();
            String service = function.name();
            IstioVersion wanted = istioVersion(ns, service, carrier, objects, candidate);
            List<IstioVersion> others = stable.stream().map(v -> istioVersion(ns, service, carrier, objects, v)).toList();
            if (options.prometheus != null) {
                this.metrics = new IstioCanaryQueries(new DirectPrometheus(URI.create(options.prometheus)), wanted, others);
            } else if (options.istioMetrics != null && !options.istioMetrics.isBlank()) {
                this.metrics = new IstioCounterScrape(URI.create(options.istioMetrics), wanted, others);
            } else if (sources.sandbox().isPresent()) {
                this.metrics = new IstioCounterScrape(sources.sandbox().get().metricsEndpoint(), wanted, others);
            } else {
                client = sources.kubeconfigs().newClient(context);
                String where = context;
                this.metrics = new IstioCanaryQueries(ApiServerProxyPrometheus.discover(client, TIMEOUT).orElseThrow(() ->
                        new IllegalArgumentException("context " + where + " has no istio-system/prometheus Service to read"
                                + " the canary's figures from; give --prometheus URL")), wanted, others);
            }
        }
        this.prometheusClient = client;
        this.store = setting.store();
        this.runner = new CanaryRunner(new PipelineTraffic(wiring.pipeline()), metrics, store, CanaryClock.system());
    }

    /**
     * Connects to the function named so (its candidate {@code candidate}, or the version with the smallest share).
     *
     * @throws IllegalArgumentException when the function, its traffic object or a source of figures is missing
     */
    static CanaryConnection open(CanaryOptions options, String name, String namespace, String candidate) throws YamlProblem {
        Located found = locate(options.sources, name, namespace);
        return connect(command(found.sources(), options), found, candidate, null);
    }

    /** Connects to the function of a stored run, towards its candidate. */
    static CanaryConnection open(CanaryOptions options, CanaryRun run) throws YamlProblem {
        Located found = locate(options.sources, run.function(), run.namespace().isEmpty() ? null : run.namespace());
        return connect(command(found.sources(), options), found, run.candidate(), run.stable());
    }

    /**
     * Connects to the function of a stored run through the window's own sources, pipelines and store; closing the
     * connection leaves the sources open.
     */
    static CanaryConnection open(Sources sources, Pipelines pipelines, CanaryRunStore store, CanaryRun run) throws YamlProblem {
        Located found = locate(sources, run.function(), run.namespace().isEmpty() ? null : run.namespace());
        CanaryOptions options = new CanaryOptions();
        // as the command line's default: the figures of a mesh without a Prometheus, such as an outside sandbox's
        options.istioMetrics = System.getenv("MESHDECK_ISTIO_METRICS_URL");
        return connect(new Setting(sources, false, pipelines, store, options), found, run.candidate(), run.stable());
    }

    /** A command's setting: its own sources, a pipeline from its options, the store of the data directory. */
    private static Setting command(Sources sources, CanaryOptions options) {
        return new Setting(sources, true, function -> {
            ChangeOptions change = new ChangeOptions();
            change.yes = true;
            change.armProduction = options.armProduction;
            change.productionPattern = System.getenv().getOrDefault("MESHDECK_PRODUCTION_PATTERN",
                    ProductionGuard.DEFAULT_PATTERN);
            boolean lambda = function.platform() == Platform.LAMBDA;
            String context = null;
            if (function.source() instanceof SourceRef.AwsRegion region) {
                change.awsProfile = region.profile();
                change.regions = List.of(region.region());
            } else {
                context = ((SourceRef.KubeContext) function.source()).context();
            }
            return ChangeWiring.connect(change, sources.writePaths(), context, !lambda, lambda);
        }, FileCanaryRunStore.resolve(), options);
    }

    private static CanaryConnection connect(Setting setting, Located found, String candidate, List<String> stable) {
        try {
            return new CanaryConnection(setting, found.function(), found.carrier(), found.objects(), candidate, stable);
        } catch (RuntimeException e) {
            if (setting.ownsSources()) {
                found.sources().close();
            }
            throw e;
        }
    }

    /** A function found in its sources, with the object carrying its traffic and the other objects governing it. */
    record Located(Sources sources, ServerlessFunction function, ObjectNode carrier, List<JsonNode> objects) {
    }

    /** Finds the function; the caller closes the sources. */
    static Located locate(SourceOptions options, String name, String namespace) throws YamlProblem {
        Sources resolved = Sources.resolve(options, false, false, 0);
        try {
            return locate(resolved, name, namespace);
        } catch (RuntimeException | YamlProblem e) {
            resolved.close();
            throw e;
        }
    }

    /** Finds the function in {@code resolved}. */
    static Located locate(Sources resolved, String name, String namespace) throws YamlProblem {
        ServerlessFunction fn = FunctionLookup.find(resolved, name, namespace);
        List<YamlDocument> documents = new ArrayList<>();
        for (MeshResource r : resolved.catalog().resourcesOf(fn.id())) {
            documents.addAll(new YamlReader().read(r.title(), r.yaml()));
        }
        ObjectNode carrier = (ObjectNode) TrafficSetCommand.trafficCarrier(fn, documents);
        return new Located(resolved, fn, carrier, documents.stream().map(YamlDocument::tree).toList());
    }

    /**
     * How Istio's series name a version of the split: a destination with its own host by that host, a subset by its
     * DestinationRule labels' version (Istio's canonical revision), a Knative revision by its name.
     */
    static IstioVersion istioVersion(String namespace, String service, JsonNode carrier, List<JsonNode> objects,
                                     String version) {
        if (carrier.path("kind").asText().equals("VirtualService")) {
            for (JsonNode http : carrier.path("spec").path("http")) {
                for (JsonNode route : http.path("route")) {
                    JsonNode destination = route.path("destination");
                    String host = destination.path("host").asText();
                    if (version.equals(host) && !destination.hasNonNull("subset")) {
                        return IstioVersion.host(namespace, host.split("\\.")[0]);
                    }
                    if (version.equals(destination.path("subset").asText())) {
                        return IstioVersion.revision(namespace, service, subsetRevision(objects, host, version));
                    }
                }
            }
        }
        return IstioVersion.revision(namespace, service, version);
    }

    private static String subsetRevision(List<JsonNode> objects, String host, String subset) {
        for (JsonNode o : objects) {
            if (o.path("kind").asText().equals("DestinationRule") && o.at("/spec/host").asText().split("\\.")[0]
                    .equals(host.split("\\.")[0])) {
                for (JsonNode s : o.at("/spec/subsets")) {
                    if (s.path("name").asText().equals(subset)) {
                        JsonNode labels = s.path("labels");
                        for (String key : List.of("service.istio.io/canonical-revision", "app.kubernetes.io/version", "version")) {
                            if (labels.hasNonNull(key)) {
                                return labels.get(key).asText();
                            }
                        }
                    }
                }
            }
        }
        return subset;
    }

    /**
     * The plan saved for the function's namespace, with where it came from; empty for a Lambda function (no
     * namespace) or when none is saved.
     *
     * @throws IllegalArgumentException when it cannot be read or is not a plan (naming ConfigMap, key, line, field)
     */
    Optional<CanaryPlan> savedPlan() {
        if (function.platform() == Platform.LAMBDA) {
            return Optional.empty();
        }
        return NamespacePlan.read(wiring.pipeline().gateway(), function.namespace());
    }

    @Override
    public void close() {
        metrics.close();
        wiring.close();
        if (prometheusClient != null) {
            prometheusClient.close();
        }
        if (ownsSources) {
            sources.close();
        }
    }
}
