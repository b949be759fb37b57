package dev.meshdeck.core.traffic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.platform.IstioRouteSplit;
import dev.meshdeck.core.platform.KnativeTrafficSplit;
import dev.meshdeck.core.platform.KnativeTrafficTarget;
import dev.meshdeck.core.platform.CloudRunTrafficSplit;
import dev.meshdeck.core.platform.LambdaAliasRouting;
import dev.meshdeck.core.platform.TrafficSplit;
import dev.meshdeck.core.routing.RoutingPolicy;
import dev.meshdeck.core.yaml.PolicyDocument;
import dev.meshdeck.core.yaml.YamlRenderer;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.TrafficTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canary slider's model, whatever the platform: one live object that carries a function's traffic
 * (an Istio VirtualService, a Knative Service, or a Lambda alias in MeshDeck's LambdaAlias form), the version
 * being rolled out, and the candidate object the slider produces. Only what the slider changes differs from
 * the live object, so the reviewer's diff is the weights and nothing else.
 */
public final class CanaryEditor {

    public static final String LAMBDA_ALIAS_API_VERSION = "lambda.meshdeck.dev/v1";
    public static final String CLOUD_RUN_API_VERSION = "cloudrun.meshdeck.dev/v1";

    private final PolicyDocument live;
    private final TrafficSplit split;

    private CanaryEditor(PolicyDocument live, TrafficSplit split) {
        this.live = live;
        this.split = split;
    }

    /** The editor on {@code object}, with the candidate guessed as the version holding the smallest share. */
    public static CanaryEditor of(JsonNode object) {
        return of(object, null);
    }

    /**
     * @param candidate the version to roll out (a subset or host, a revision, a Lambda version), or null to
     *                  take the version with the smallest share
     * @throws IllegalArgumentException when the object carries no traffic split MeshDeck can drive, naming why
     */
    public static CanaryEditor of(JsonNode object, String candidate) {
        PolicyDocument document = PolicyDocument.of(object);
        String kind = object.path("kind").asText("");
        String apiVersion = object.path("apiVersion").asText("");
        if (kind.equals("VirtualService") && apiVersion.startsWith("networking.istio.io/")) {
            VirtualService vs = document.as(VirtualService.class);
            IstioRouteSplit any = IstioRouteSplit.onDefaultRoute(vs, firstLabel(vs));
            return new CanaryEditor(document, IstioRouteSplit.onDefaultRoute(vs, pick(candidate, any.shares(), object)));
        }
        if (kind.equals("Service") && apiVersion.startsWith("serving.knative.dev/")) {
            Service service = document.as(Service.class);
            KnativeTrafficSplit any = new KnativeTrafficSplit(service, firstLabel(service));
            return new CanaryEditor(document, new KnativeTrafficSplit(service, pick(candidate, any.shares(), object)));
        }
        if (kind.equals("LambdaAlias") && apiVersion.equals(LAMBDA_ALIAS_API_VERSION)) {
            return new CanaryEditor(document, lambda(object, candidate));
        }
        if (kind.equals("CloudRunService") && apiVersion.equals(CLOUD_RUN_API_VERSION)) {
            return new CanaryEditor(document, CloudRunTrafficSplit.of(cloudRunTargets(object), candidate));
        }
        throw new IllegalArgumentException(kind + " " + object.path("metadata").path("name").asText("")
                + " (" + apiVersion + ") does not carry a traffic split; expected an Istio VirtualService, a Knative "
                + "Service or a LambdaAlias");
    }

    /**
     * Every version the object sends traffic to, with its share, whether or not a canary could run on it (one
     * version only is a plain, valid state).
     *
     * @throws IllegalArgumentException when the object carries no traffic split MeshDeck can read
     */
    public static List<TrafficShare> shares(JsonNode object) {
        PolicyDocument document = PolicyDocument.of(object);
        String kind = object.path("kind").asText("");
        String apiVersion = object.path("apiVersion").asText("");
        if (kind.equals("VirtualService") && apiVersion.startsWith("networking.istio.io/")) {
            VirtualService vs = document.as(VirtualService.class);
            return IstioRouteSplit.onDefaultRoute(vs, firstLabel(vs)).shares();
        }
        if (kind.equals("Service") && apiVersion.startsWith("serving.knative.dev/")) {
            Service service = document.as(Service.class);
            return new KnativeTrafficSplit(service, firstLabel(service)).shares();
        }
        if (kind.equals("LambdaAlias") && apiVersion.equals(LAMBDA_ALIAS_API_VERSION)) {
            return aliasRouting(object).shares();
        }
        if (kind.equals("CloudRunService") && apiVersion.equals(CLOUD_RUN_API_VERSION)) {
            return cloudRunTargets(object).stream().map(t -> new TrafficShare(t.version(), t.percent())).toList();
        }
        throw new IllegalArgumentException(kind + " (" + apiVersion + ") does not carry a traffic split");
    }

    // The platform splits need a valid candidate to exist; these name one only to read the shares.
    private static String firstLabel(VirtualService vs) {
        RoutingPolicy policy = RoutingPolicy.from(vs);
        return policy.route(policy.catchAllRoute()).split().destinations().get(0).destination().label();
    }

    private static String firstLabel(Service service) {
        List<TrafficTarget> traffic = service.getSpec() == null ? null : service.getSpec().getTraffic();
        return traffic == null || traffic.isEmpty() ? KnativeTrafficTarget.LATEST : KnativeTrafficTarget.from(traffic.get(0)).label();
    }

    private static LambdaAliasRouting aliasRouting(JsonNode alias) {
        JsonNode spec = alias.path("spec");
        Map<String, Double> weights = new LinkedHashMap<>();
        spec.path("routingConfig").path("additionalVersionWeights").fields()
                .forEachRemaining(e -> weights.put(e.getKey(), e.getValue().asDouble()));
        return LambdaAliasRouting.of(spec.path("functionName").asText(""), alias.path("metadata").path("name").asText(""),
                spec.path("functionVersion").asText(""), weights);
    }

    private static List<CloudRunTrafficSplit.Target> cloudRunTargets(JsonNode service) {
        List<CloudRunTrafficSplit.Target> targets = new java.util.ArrayList<>();
        for (JsonNode t : service.path("spec").path("traffic")) {
            targets.add(new CloudRunTrafficSplit.Target(t.path("type").asText(CloudRunTrafficSplit.TYPE_REVISION),
                    t.path("revision").asText(""), t.path("percent").asInt(), t.path("tag").asText("")));
        }
        return targets;
    }

    private static LambdaAliasRouting lambda(JsonNode alias, String candidate) {
        LambdaAliasRouting routing = aliasRouting(alias);
        if (candidate != null && !candidate.equals(routing.additionalVersion())) {
            return routing.towards(candidate);
        }
        if (routing.additionalVersion() == null) {
            throw new IllegalArgumentException("alias " + routing.aliasName() + " of " + routing.functionName()
                    + " sends all traffic to version " + routing.primaryVersion()
                    + "; name the candidate version to start a canary");
        }
        return routing;
    }

    /** The candidate as given, or the version with the smallest share (the later one on a tie). */
    private static String pick(String candidate, List<TrafficShare> shares, JsonNode object) {
        if (candidate != null) {
            return candidate;
        }
        if (shares.size() < 2) {
            throw new IllegalArgumentException(object.path("kind").asText() + " "
                    + object.path("metadata").path("name").asText("") + " sends all traffic to "
                    + (shares.isEmpty() ? "one destination" : shares.get(0).version())
                    + "; add the candidate version to its routes first");
        }
        TrafficShare smallest = shares.get(0);
        for (TrafficShare s : shares) {
            if (s.percent() <= smallest.percent()) {
                smallest = s;
            }
        }
        return smallest.version();
    }

    public TrafficSplit split() {
        return split;
    }

    /** The same editor with the candidate at {@code percent} (0-100) of traffic; the rest stays with the others. */
    public CanaryEditor withCandidatePercent(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("candidate weight " + percent + " is outside 0-100");
        }
        return new CanaryEditor(live, split.withCandidatePercent(percent));
    }

    /**
     * The same editor with the candidate promoted: it takes all traffic. A Lambda alias then points at the
     * candidate version with its weights cleared.
     */
    public CanaryEditor promoted() {
        return new CanaryEditor(live, split.promote());
    }

    /** The live object as read. */
    public JsonNode live() {
        return live.original();
    }

    /** The object the slider produces: the live one with only the traffic split changed. */
    public ObjectNode candidate() {
        if (split instanceof LambdaAliasRouting routing) {
            ObjectNode alias = live.original();
            ObjectNode spec = (ObjectNode) alias.path("spec");
            spec.put("functionVersion", routing.primaryVersion());
            if (routing.additionalVersion() == null) {
                spec.remove("routingConfig");
            } else {
                ObjectNode weights = spec.putObject("routingConfig").putObject("additionalVersionWeights");
                routing.additionalVersionWeights().forEach(weights::put);
            }
            return alias;
        }
        if (split instanceof CloudRunTrafficSplit cloudRun) {
            ObjectNode service = live.original();
            var traffic = ((ObjectNode) service.path("spec")).putArray("traffic");
            cloudRun.targets().forEach(t -> t.addTo(traffic));
            return service;
        }
        return live.edit(split.resource().orElseThrow()).tree();
    }

    /** The candidate as kubectl-applyable YAML for review: no status or other server-owned fields. */
    public String candidateYaml() {
        return YamlRenderer.render(YamlRenderer.forReview(candidate()));
    }
}
