package dev.meshdeck.core.failover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.yaml.YamlDocument;
import dev.meshdeck.core.yaml.YamlProblem;
import dev.meshdeck.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A function with its objects as just read from its cluster or region (each with its resourceVersion, the
 * precondition of any change built from it): its own objects, the VirtualServices and DestinationRules that
 * apply to it, a Lambda function's aliases.
 *
 * @param meshEntrySource the kube context of the ServiceEntry through which the mesh calls a Lambda function
 *                        (where its failover to the mesh is written); null when none was read
 */
public record LiveFunction(ServerlessFunction function, List<ObjectNode> objects, SourceRef meshEntrySource) {

    public LiveFunction {
        objects = objects.stream().map(ObjectNode::deepCopy).toList();
    }

    public LiveFunction(ServerlessFunction function, List<ObjectNode> objects) {
        this(function, objects, null);
    }

    /** The function with the objects its catalog answers ({@code FunctionCatalog.resourcesOf}). */
    public static LiveFunction of(ServerlessFunction function, List<MeshResource> resources) throws YamlProblem {
        List<ObjectNode> objects = new ArrayList<>();
        SourceRef entrySource = null;
        YamlReader reader = new YamlReader();
        for (MeshResource r : resources) {
            if (entrySource == null && r.source() != null && "ServiceEntry".equals(r.kind())) {
                entrySource = r.source();
            }
            for (YamlDocument d : reader.read(r.title(), r.yaml())) {
                if (d.tree() instanceof ObjectNode o) {
                    objects.add(o);
                }
            }
        }
        return new LiveFunction(function, objects, entrySource);
    }

    /**
     * What the history records as the change's subject, "kubernetes payments/payment-function": the key by
     * which a failback finds the failover to undo (together with the target written to).
     */
    public String subject() {
        return subjectOf(function);
    }

    public static String subjectOf(ServerlessFunction function) {
        return function.platform().id() + " " + function.id().qualifiedName();
    }

    public Platform platform() {
        return function.platform();
    }

    public List<ObjectNode> ofKind(String apiGroupPrefix, String kind) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind) && o.path("apiVersion").asText().startsWith(apiGroupPrefix))
                .toList();
    }

    /** The VirtualService carrying the function's traffic (the first that applies, as discovery shows it). */
    public Optional<ObjectNode> virtualService() {
        return ofKind("networking.istio.io/", "VirtualService").stream().findFirst();
    }

    public List<ObjectNode> destinationRules() {
        return ofKind("networking.istio.io/", "DestinationRule");
    }

    /** The ServiceEntries through which the mesh calls the function (a Lambda function's URL hosts). */
    public List<ObjectNode> meshEntries() {
        return ofKind("networking.istio.io/", "ServiceEntry");
    }

    public Optional<ObjectNode> knativeService() {
        return ofKind("serving.knative.dev/", "Service").stream().findFirst();
    }

    public List<ObjectNode> deployments() {
        return ofKind("apps/", "Deployment");
    }

    /** The alias whose split the inventory shows (the first alias when it shows none). */
    public Optional<ObjectNode> lambdaAlias() {
        String shown = function.traffic().stream().map(TrafficShare::tag).filter(t -> !t.isEmpty()).findFirst().orElse("");
        List<ObjectNode> aliases = ofKind("lambda.meshdeck.dev/", "LambdaAlias");
        return aliases.stream().filter(a -> a.at("/metadata/name").asText().equals(shown)).findFirst()
                .or(() -> aliases.stream().findFirst());
    }

    /** The annotation (a Lambda function's tag) on any of the function's objects, with the object that carries it. */
    public Optional<Annotated> annotation(String key) {
        for (ObjectNode o : objects) {
            JsonNode value = o.path("metadata").path("annotations").path(key);
            if (value.isMissingNode()) {
                value = o.path("Tags").path(key);
            }
            if (value.isTextual() && !value.asText().isBlank()) {
                return Optional.of(new Annotated(value.asText().trim(), describe(o)));
            }
        }
        return Optional.empty();
    }

    /** An annotation's value and "Deployment payments/payment-function", the object it is on. */
    public record Annotated(String value, String on) {
    }

    /** "Deployment payments/payment-function": an object as a message names it. */
    public static String describe(JsonNode o) {
        String kind = o.path("kind").asText(o.has("FunctionName") ? "LambdaFunction" : "object");
        String name = o.path("metadata").path("name").asText(o.path("FunctionName").asText(""));
        String ns = o.path("metadata").path("namespace").asText("");
        return kind + " " + (ns.isEmpty() ? name : ns + "/" + name);
    }
}
