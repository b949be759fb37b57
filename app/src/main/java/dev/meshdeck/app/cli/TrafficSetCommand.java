package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.Sources;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.traffic.CanaryEditor;
import dev.meshdeck.core.yaml.YamlDocument;
import dev.meshdeck.core.yaml.YamlProblem;
import dev.meshdeck.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "set",
        mixinStandardHelpOptions = true,
        description = {
            "Print the candidate YAML that gives a function's candidate version N%% of its traffic, through the same",
            "model as the window's canary slider: an Istio VirtualService for Kubernetes/OpenFaaS/Kubeless functions,",
            "the Knative Service's traffic block, or the Lambda alias's additional-version weight.",
            "Only the weights differ from the live object. The candidate is judged against its context's live objects as"
                    + " apply would judge it; findings go to stderr."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:candidate printed", "1:the candidate has errors, or the function or its split was not found",
            "2:usage error"})
final class TrafficSetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Option(names = "--function", required = true, paramLabel = "NAME", description = "The function (see `meshdeck functions`).")
    String function;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Its namespace, when the name is not unique.")
    String namespace;

    @Option(names = "--candidate-weight", required = true, paramLabel = "N", description = "The candidate's share, 0-100.")
    int weight;

    @Option(names = "--candidate", paramLabel = "VERSION",
            description = "The version to roll out (subset/host, revision, Lambda version). Default: the one with the smallest share.")
    String candidate;

    @Mixin
    YamlOutput output = new YamlOutput();

    @Mixin
    CandidateApplyOptions applying = new CandidateApplyOptions();

    @Override
    public Integer call() throws YamlProblem {
        output.require();
        try (Sources resolved = Sources.resolve(sources, false, false, 0)) {
            ServerlessFunction fn = FunctionLookup.find(resolved, function, namespace);
            List<YamlDocument> objects = new ArrayList<>();
            for (MeshResource r : resolved.catalog().resourcesOf(fn.id())) {
                objects.addAll(new YamlReader().read(r.title(), r.yaml()));
            }
            JsonNode carrier = trafficCarrier(fn, objects);
            CanaryEditor editor = CanaryEditor.of(carrier, candidate).withCandidatePercent(weight);
            if (applying.apply) {
                return applying.apply(spec, fn.source(), resolved.writePaths(), (ObjectNode) editor.live(), editor.candidate(),
                        ApplyRequest.apply("traffic set " + fn.name() + " candidate " + weight + "%"));
            }
            spec.commandLine().getOut().print(editor.candidateYaml());
            spec.commandLine().getOut().flush();

            return CandidateApplyOptions.judge(spec, fn.source(), resolved.writePaths(),
                    new YamlDocument("<candidate>", 0, editor.candidate(), java.util.Map.of()));
        }
    }

    /** The object whose split the inventory shows for this function. */
    static JsonNode trafficCarrier(ServerlessFunction fn, List<YamlDocument> objects) {
        String wantedKind = switch (fn.platform()) {
            case KNATIVE -> "Service";
            case LAMBDA -> "LambdaAlias";
            case CLOUDRUN -> "CloudRunService";
            default -> "VirtualService";
        };
        String alias = fn.traffic().stream().map(TrafficShare::tag).filter(t -> !t.isEmpty()).findFirst().orElse("");
        return objects.stream().map(YamlDocument::tree)
                .filter(o -> o.path("kind").asText().equals(wantedKind))
                .filter(o -> fn.platform() != Platform.KNATIVE || o.path("apiVersion").asText().startsWith("serving.knative.dev/"))
                .filter(o -> fn.platform() != Platform.LAMBDA || alias.isEmpty() || o.at("/metadata/name").asText().equals(alias))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(fn.platform().displayName() + " function " + fn.id().qualifiedName()
                        + " has no " + wantedKind + " carrying its traffic"
                        + (fn.platform() == Platform.LAMBDA ? "; create an alias first" : "; route it through a VirtualService first")));
    }
}
