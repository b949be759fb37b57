package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.connectors.writes.WritePaths;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.ClusterGateway;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.monitoring.AlertSeverity;
import dev.meshdeck.core.monitoring.FunctionSeries;
import dev.meshdeck.core.monitoring.FunctionSlo;
import dev.meshdeck.core.monitoring.LambdaSloAlarms;
import dev.meshdeck.core.monitoring.SloRules;
import dev.meshdeck.core.validation.Hosts;
import dev.meshdeck.core.yaml.YamlDocument;
import dev.meshdeck.core.yaml.YamlProblem;
import dev.meshdeck.core.yaml.YamlReader;
import dev.meshdeck.core.yaml.YamlRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "set",
        mixinStandardHelpOptions = true,
        description = {
            "Print the PrometheusRule of a function's SLO: recording rules for its p95 latency and 5xx ratio over Istio's",
            "standard metrics, selected by the function's own destination_service and destination_workload values, and",
            "an alert per objective. The rule is judged against its context's live objects as apply would judge it;",
            "findings go to stderr. With --apply it is written through the apply pipeline. For a Lambda function, the",
            "CloudWatch alarms (PutMetricAlarm documents) on its p95 Duration and its Errors/Invocations share, printed only."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:rule printed (or applied)", "1:the rule has errors, or the function was not found",
            "2:usage error"})
final class SloSetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Mixin
    FunctionOptions target = new FunctionOptions();

    @Option(names = "--p95", paramLabel = "DURATION", description = "Highest p95 latency, e.g. 1000ms or 1s.")
    String p95;

    @Option(names = "--error-rate", paramLabel = "PCT", description = "Highest share of 5xx responses, e.g. 1%%.")
    String errorRate;

    @Option(names = "--for", defaultValue = "5m", paramLabel = "DURATION",
            description = "How long an objective must be broken before its alert fires (default: ${DEFAULT-VALUE}).")
    String forDuration;

    @Option(names = "--severity", defaultValue = "warning", paramLabel = "S",
            description = "The alerts' severity label: critical, warning or info (default: ${DEFAULT-VALUE}).")
    String severity;

    @Mixin
    YamlOutput output = new YamlOutput();

    @Mixin
    CandidateApplyOptions applying = new CandidateApplyOptions();

    @Override
    public Integer call() throws YamlProblem {
        output.require();
        FunctionSlo slo;
        try {
            slo = new FunctionSlo(Optional.ofNullable(p95).map(FunctionSlo::parseDuration),
                    Optional.ofNullable(errorRate).map(FunctionSlo::parsePercent), FunctionSlo.parseDuration(forDuration),
                    AlertSeverity.of(severity));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (Sources resolved = Sources.resolve(sources, false, false, 0)) {
            ServerlessFunction fn = FunctionLookup.find(resolved, target.function, target.namespace);
            if (fn.platform() == Platform.LAMBDA) {
                return lambdaAlarms(fn, slo);
            }
            if (!(fn.source() instanceof SourceRef.KubeContext kube)) {
                throw new IllegalArgumentException(fn.platform().displayName() + " function " + fn.id().qualifiedName()
                        + " is in no Kubernetes context: MeshDeck cannot write its PrometheusRule");
            }
            ObjectNode rule = SloRules.prometheusRule(series(fn, resolved.catalog().resourcesOf(fn.id())), slo);
            if (applying.apply) {
                return applying.apply(spec, fn.source(), resolved.writePaths(), live(resolved.writePaths(), kube, rule), rule,
                        ApplyRequest.apply("slo set " + fn.name()));
            }
            String yaml = YamlRenderer.render(rule);
            spec.commandLine().getOut().print(yaml);
            spec.commandLine().getOut().flush();
            // read back from the printed text so that findings point at its lines (a PromQL error at its column)
            YamlDocument printed = new YamlReader().read("<slo>", yaml).get(0);
            return CandidateApplyOptions.judge(spec, fn.source(), resolved.writePaths(), printed);
        }
    }

    /**
     * A Lambda function's SLO as CloudWatch alarms, one YAML document per PutMetricAlarm request. They are printed
     * only: the apply pipeline writes Kubernetes objects and Lambda aliases, not CloudWatch alarms.
     */
    private int lambdaAlarms(ServerlessFunction fn, FunctionSlo slo) {
        if (applying.apply) {
            spec.commandLine().getErr().println("meshdeck slo set: Lambda function " + fn.name() + ": its SLO is CloudWatch alarms,"
                    + " which the apply pipeline does not write yet; print them with -o yaml and create each with"
                    + " `aws cloudwatch put-metric-alarm --cli-input-yaml file://ALARM.yaml` (nothing was written)");
            return 1;
        }
        StringBuilder yaml = new StringBuilder();
        for (ObjectNode alarm : LambdaSloAlarms.of(fn.name(), slo)) {
            yaml.append(yaml.isEmpty() ? "" : "---\n").append(YamlRenderer.render(alarm));
        }
        spec.commandLine().getOut().print(yaml);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * The destination_service values (the cluster-local hosts its VirtualServices route to, or its Services' and
     * Knative Service's own) and destination_workload values (its Deployments) of a function's objects.
     */
    static FunctionSeries series(ServerlessFunction fn, List<MeshResource> resources) throws YamlProblem {
        TreeSet<String> services = new TreeSet<>();
        TreeSet<String> workloads = new TreeSet<>();
        for (MeshResource r : resources) {
            for (YamlDocument d : new YamlReader().read(r.kind(), r.yaml())) {
                switch (d.kind()) {
                    case "Service" -> services.add(Hosts.ofService(d.name(), d.namespace()));
                    case "Deployment" -> workloads.add(d.name());
                    case "VirtualService" -> {
                        d.tree().at("/spec/hosts").forEach(h -> services.add(Hosts.qualify(h.asText(), d.namespace())));
                        d.tree().at("/spec/http").forEach(route -> route.path("route").forEach(to ->
                                services.add(Hosts.qualify(to.at("/destination/host").asText(), d.namespace()))));
                    }
                    default -> {
                    }
                }
            }
        }
        // gateway hostnames (shop.example.com) and external hosts are not what the function's proxies report
        services.removeIf(h -> !h.endsWith(Hosts.CLUSTER_SUFFIX));
        return new FunctionSeries(fn.namespace(), fn.name(), new ArrayList<>(services), new ArrayList<>(workloads));
    }

    /** The rule as it is now, when it exists: the pipeline then updates it instead of creating it. */
    private static ObjectNode live(WritePaths paths, SourceRef.KubeContext kube, ObjectNode rule) {
        ClusterGateway gateway = paths.open(paths.context(kube.context()));
        try {
            return gateway.read(ResourceId.of(rule)).orElse(null);
        } catch (GatewayException e) {
            throw new IllegalArgumentException("cannot read the live PrometheusRule " + rule.at("/metadata/name").asText()
                    + " from " + kube.label() + ": " + e.getMessage(), e);
        } finally {
            WritePaths.close(gateway);
        }
    }
}
