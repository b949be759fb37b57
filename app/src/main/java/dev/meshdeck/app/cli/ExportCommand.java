package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.Sources;
import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.gateways.IngressGateway;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.yaml.YamlDocument;
import dev.meshdeck.core.yaml.YamlProblem;
import dev.meshdeck.core.yaml.YamlReader;
import dev.meshdeck.core.yaml.YamlRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Export the mesh policy that governs functions, for review: the VirtualServices, DestinationRules,",
            "AuthorizationPolicies, PeerAuthentications and RequestAuthentications that apply to them, their Knative",
            "Services and Lambda aliases, and the Gateways their VirtualServices are bound to — as kubectl-applyable YAML without server-owned fields (status,",
            "resourceVersion, uid, managedFields, ...). To stdout as one multi-document stream, or to a directory",
            "with one file per resource (<namespace>/<kind>-<name>.yaml)."
        })
final class ExportCommand implements Callable<Integer> {

    /** What MeshDeck governs; the functions' own workloads (Deployments, OpenFaaS Functions, ...) are not exported. */
    private static final Set<String> POLICY_KINDS = Set.of("VirtualService", "DestinationRule", "AuthorizationPolicy",
            "PeerAuthentication", "RequestAuthentication", "LambdaAlias");

    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Only functions of this namespace.")
    String namespace;

    @Option(names = "--function", paramLabel = "NAME", description = "Only this function.")
    String function;

    @Option(names = {"-o", "--output"}, defaultValue = "-", paramLabel = "DIR|-",
            description = "A directory to write one file per resource into, or - for standard output (default).")
    String output;

    @Override
    public Integer call() throws IOException, YamlProblem {
        try (Sources resolved = Sources.resolve(sources, false, false, 0)) {
            List<ServerlessFunction> functions = FunctionLookup.discover(resolved).stream()
                    .filter(f -> namespace == null || f.namespace().equals(namespace))
                    .filter(f -> function == null || f.name().equals(function))
                    .toList();
            if (functions.isEmpty()) {
                throw new IllegalArgumentException("no function matches"
                        + (function == null ? "" : " --function " + function) + (namespace == null ? "" : " -n " + namespace));
            }
            // several functions share policies (a namespace's PeerAuthentication): each resource once
            Map<String, JsonNode> resources = new LinkedHashMap<>();
            for (ServerlessFunction f : functions) {
                for (MeshResource r : resolved.catalog().resourcesOf(f.id())) {
                    for (YamlDocument doc : new YamlReader().read(r.title(), r.yaml())) {
                        if (exported(doc.tree())) {
                            resources.putIfAbsent(key(doc.tree()), YamlRenderer.forReview(doc.tree()));
                        }
                    }
                }
            }
            addBoundGateways(resolved, resources);
            if (output.equals("-")) {
                spec.commandLine().getOut().print(YamlRenderer.renderAll(resources.values()));
                spec.commandLine().getOut().flush();
            } else {
                writeDirectory(Path.of(output), resources.values());
                spec.commandLine().getErr().println("meshdeck export: " + resources.size() + " resources written to " + output);
            }
            return 0;
        }
    }

    /** The Gateways the exported VirtualServices are bound to: without them the routes reach nothing from outside. */
    private static void addBoundGateways(Sources resolved, Map<String, JsonNode> resources) throws YamlProblem {
        Set<String> bound = new TreeSet<>();
        for (JsonNode r : resources.values()) {
            if (r.path("kind").asText().equals("VirtualService")) {
                String ns = r.at("/metadata/namespace").asText();
                r.at("/spec/gateways").forEach(g -> IngressGateway.referenced(g.asText(), ns).ifPresent(bound::add));
            }
        }
        if (bound.isEmpty()) {
            return;
        }
        for (IngressGateway g : resolved.kube().gateways()) {
            if (bound.contains(g.qualifiedName())) {
                for (YamlDocument doc : new YamlReader().read(g.resource().title(), g.resource().yaml())) {
                    resources.putIfAbsent(key(doc.tree()), YamlRenderer.forReview(doc.tree()));
                }
            }
        }
    }

    private static boolean exported(JsonNode object) {
        String kind = object.path("kind").asText("");
        return POLICY_KINDS.contains(kind)
                || (kind.equals("Service") && object.path("apiVersion").asText("").startsWith("serving.knative.dev/"));
    }

    private static String key(JsonNode o) {
        return o.path("apiVersion").asText() + "/" + o.path("kind").asText() + "/"
                + o.at("/metadata/namespace").asText() + "/" + name(o);
    }

    /** Lambda aliases are named per function ("live" of several functions): qualify them with it. */
    private static String name(JsonNode o) {
        String function = o.at("/spec/functionName").asText("");
        return o.path("kind").asText().equals("LambdaAlias") && !function.isEmpty()
                ? function + "-" + o.at("/metadata/name").asText()
                : o.at("/metadata/name").asText();
    }

    private static void writeDirectory(Path dir, Iterable<JsonNode> resources) throws IOException {
        for (JsonNode r : resources) {
            String ns = r.at("/metadata/namespace").asText("");
            Path folder = r.path("kind").asText().equals("LambdaAlias") ? dir.resolve("lambda")
                    : ns.isEmpty() ? dir : dir.resolve(ns);
            Files.createDirectories(folder);
            String file = r.path("kind").asText().toLowerCase(Locale.ROOT) + "-" + name(r) + ".yaml";
            Files.writeString(folder.resolve(file), YamlRenderer.render(r), StandardCharsets.UTF_8);
        }
    }
}
