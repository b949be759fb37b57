package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.canary.CanaryPlan;
import dev.meshdeck.core.canary.ControllerExport;
import dev.meshdeck.core.canary.ExportCheck;
import dev.meshdeck.core.canary.NamespacePlan;
import dev.meshdeck.core.changes.ClusterGateway;
import dev.meshdeck.connectors.writes.WritePaths;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.validation.Finding;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.traffic.CanaryEditor;
import dev.meshdeck.core.yaml.YamlRenderer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Prints the canary plan (the same options as start, over the namespace's saved plan) as the objects",
            "an in-cluster controller runs it from: a Flagger Canary (Istio or Knative), or an Argo Rollout with its",
            "AnalysisTemplate (Istio), validated against the controller's CRDs as the function's cluster serves them.",
            "What the controller cannot express is named on stderr; a platform it cannot run is refused."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed", "1:the function or its split was not found, the controller cannot run it, or its"
            + " CRD schema refuses the export (findings on stderr, nothing printed)",
            "2:usage error"})
final class CanaryExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FunctionOptions target = new FunctionOptions();

    @Option(names = "--candidate", paramLabel = "VERSION", description = "The version to roll out (default: the smallest share).")
    String candidate;

    @Option(names = "--format", required = true, paramLabel = "flagger|argo", description = "Flagger Canary or Argo Rollout.")
    Format format;

    enum Format { flagger, argo }

    @Mixin
    CanaryPlanOptions planOptions = new CanaryPlanOptions();

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try {
            CanaryConnection.Located found = CanaryConnection.locate(sources, target.function, target.namespace);
            ControllerExport.Export export;
            ExportCheck.Result checked;
            try (Sources opened = found.sources()) {
                ControllerExport.Target target = target(found);
                // the same plan `canary start` would run there: the namespace's saved plan under the options given
                Optional<CanaryPlan> saved = found.function().source() instanceof SourceRef.KubeContext k
                        ? savedPlan(opened, k.context(), found.function().namespace()) : Optional.empty();
                CanaryPlan plan = planOptions.plan(spec, saved.orElse(CanaryPlan.defaults()));
                export = format == Format.flagger ? ControllerExport.flagger(plan, target) : ControllerExport.argo(plan, target);
                String context = ((SourceRef.KubeContext) found.function().source()).context();
                checked = ExportCheck.judge(export.objects(), served(opened, context, ExportCheck.crdNames(export.objects())));
            }
            export.notes().forEach(n -> err.println("meshdeck canary export: note: " + n));
            checked.findings().stream().map(Finding::toCompilerLine).forEach(err::println);
            if (checked.refused()) {
                err.println("meshdeck canary export: the controller's CRD schema on the cluster refuses this export;"
                        + " nothing was printed");
                return 1;
            }
            List<String> judged = ExportCheck.crdNames(export.objects()).stream()
                    .filter(n -> !checked.unchecked().contains(n)).toList();
            if (!judged.isEmpty()) {
                err.println("meshdeck canary export: valid against the cluster's " + String.join(", ", judged));
            }
            checked.unchecked().forEach(n -> err.println("meshdeck canary export: note: the cluster serves no CRD " + n
                    + " (is the controller installed?): its objects were not validated"));
            spec.commandLine().getOut().print(YamlRenderer.renderAll(export.objects()));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("meshdeck canary export: " + e.getMessage());
            return 1;
        }
    }

    /** Read as `canary start` reads it: through the write gateway of the function's context. */
    private static Optional<CanaryPlan> savedPlan(Sources sources, String context, String namespace) {
        WritePaths paths = sources.writePaths();
        ClusterGateway gateway = paths.open(paths.context(context));
        try {
            return NamespacePlan.read(gateway, namespace);
        } finally {
            WritePaths.close(gateway);
        }
    }

    /** The CRDs named so that the function's cluster serves, each asked for by name (not every CRD of the cluster). */
    private static List<JsonNode> served(Sources sources, String context, List<String> names) {
        List<JsonNode> crds = new ArrayList<>();
        try (KubernetesClient client = sources.kubeconfigs().newClient(context)) {
            for (String name : names) {
                CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().withName(name).get();
                if (crd != null) {
                    crds.add(Serialization.jsonMapper().valueToTree(crd));
                }
            }
        } catch (KubernetesClientException e) {
            throw new IllegalArgumentException("the CRDs " + String.join(", ", names) + " cannot be read from context "
                    + context + " to validate the export: " + e.getMessage(), e);
        }
        return crds;
    }

    private ControllerExport.Target target(CanaryConnection.Located found) {
        String version = CanaryEditor.of(found.carrier(), candidate).split().candidate();
        String stable = CanaryEditor.shares(found.carrier()).stream().map(TrafficShare::version)
                .filter(v -> !v.equals(version)).findFirst().orElse("");
        String ns = found.function().namespace();
        String name = found.function().name();
        if (found.function().platform() == Platform.LAMBDA) {
            return new ControllerExport.Target(ControllerExport.Kind.LAMBDA, ns, name, null, stable, version, 0);
        }
        if (found.function().platform() == Platform.KNATIVE) {
            return new ControllerExport.Target(ControllerExport.Kind.KNATIVE, ns, name, null, stable, version, 0);
        }
        ControllerExport.Kind kind = ControllerExport.Kind.ISTIO_SUBSETS;
        int port = 80;
        for (JsonNode http : found.carrier().at("/spec/http")) {
            for (JsonNode route : http.path("route")) {
                JsonNode destination = route.path("destination");
                if (version.equals(destination.path("host").asText()) && !destination.hasNonNull("subset")) {
                    kind = ControllerExport.Kind.ISTIO_HOSTS;
                }
                if (destination.at("/port/number").isInt()) {
                    port = destination.at("/port/number").asInt();
                }
            }
        }
        return new ControllerExport.Target(kind, ns, name, found.carrier().at("/metadata/name").asText(), stable, version, port);
    }
}
