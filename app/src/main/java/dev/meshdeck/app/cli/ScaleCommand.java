package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.ChangeWiring;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.changes.ApplyPipeline;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.failover.FunctionChange;
import dev.meshdeck.core.failover.LiveFunction;
import dev.meshdeck.core.failover.ProvisionedConcurrency;
import dev.meshdeck.core.failover.Rollouts;
import dev.meshdeck.core.failover.Scaling;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "scale", mixinStandardHelpOptions = true,
        description = {"Size and scale a function, one change set through the apply pipeline (diff, dry run, confirm or",
            "--yes, history): a container's requests and limits (--request/--limit), the HorizontalPodAutoscaler of its",
            "Deployment (autoscaling/v2, named after it: --hpa-max with --hpa-min and --cpu-percent), or a Knative",
            "Service's min-scale, max-scale and target. The gate refuses a request above its limit (MD0710), HPA bounds",
            "the API server rejects (MD0711) and Knative bounds Knative rejects (MD0712). A Lambda function's alias or",
            "version gets provisioned concurrency with --alias and --provisioned (0 removes it; --region, --aws-profile);",
            "the dry run refuses $LATEST and a total above the function's reserved concurrency. For replicas: rollout scale."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:scaled", "1:refused, conflict or denied", "2:usage error or no --yes without a terminal"})
final class ScaleCommand extends RolloutCommand.Action {

    @Option(names = "--container", paramLabel = "NAME", description = "The container to size. Default: the template's only one.")
    String container;

    @Option(names = "--request", paramLabel = "RESOURCE=QTY", description = "A request (cpu=250m, memory=256Mi; empty removes it). Repeatable.")
    Map<String, String> requests = new LinkedHashMap<>();

    @Option(names = "--limit", paramLabel = "RESOURCE=QTY", description = "A limit (cpu=1, memory=512Mi; empty removes it). Repeatable.")
    Map<String, String> limits = new LinkedHashMap<>();

    @Option(names = "--hpa-min", paramLabel = "N", description = "The autoscaler's minimum replicas (default for a new one: 1).")
    Integer hpaMin;

    @Option(names = "--hpa-max", paramLabel = "N", description = "The autoscaler's maximum replicas: creates or edits the HPA.")
    Integer hpaMax;

    @Option(names = "--cpu-percent", paramLabel = "P", description = "The average CPU utilization (of the requests) the HPA keeps.")
    Integer cpuPercent;

    @Option(names = "--min-scale", paramLabel = "N", description = "Knative: the minimum number of pods.")
    Integer minScale;

    @Option(names = "--max-scale", paramLabel = "N", description = "Knative: the maximum number of pods (0: unbounded).")
    Integer maxScale;

    @Option(names = "--target", paramLabel = "N", description = "Knative: requests each pod handles at once before another is added.")
    Integer perPod;

    @Option(names = "--alias", paramLabel = "ALIAS|VERSION", description = "Lambda: the alias or published version to provision.")
    String alias;

    @Option(names = "--provisioned", paramLabel = "N", description = "Lambda: the alias's provisioned concurrency (0 removes it).")
    Integer provisioned;

    @Override
    public Integer call() {
        if (provisioned != null || alias != null) {
            return provision();
        }
        boolean resources = !requests.isEmpty() || !limits.isEmpty();
        boolean hpa = hpaMax != null || hpaMin != null || cpuPercent != null;
        boolean knative = minScale != null || maxScale != null || perPod != null;
        if ((resources ? 1 : 0) + (hpa ? 1 : 0) + (knative ? 1 : 0) != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give one of: --request/--limit, the HPA's "
                    + "--hpa-max (with --hpa-min, --cpu-percent), or Knative's --min-scale/--max-scale/--target");
        }
        if (hpa && hpaMax == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "an autoscaler needs --hpa-max");
        }
        return super.call();
    }

    /** Writes the alias's provisioned concurrency to the Lambda region: one change set, like the other scale edits. */
    private int provision() {
        if (provisioned == null || alias == null || provisioned < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "provisioned concurrency needs --alias and"
                    + " --provisioned N (N >= 0; 0 removes it)");
        }
        try (ChangeWiring wiring = ChangeWiring.connect(options, options.writePaths(), null, false, true)) {
            Optional<FunctionChange> change = ProvisionedConcurrency.set(wiring.pipeline().gateway(), target.function, alias,
                    provisioned, null);
            if (change.isEmpty()) {
                spec.commandLine().getOut().println(target.function + ":" + alias + " has no provisioned concurrency: nothing to remove");
                return 0;
            }
            return wiring.apply(spec, options, change.get().changes(), change.get().request(), ChangeWiring.Mode.APPLY);
        } catch (GatewayException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("meshdeck scale: " + e.getMessage());
            return 1;
        }
    }

    @Override
    FunctionChange build(Sources sources, LiveFunction live, ApplyPipeline pipeline) {
        if (!requests.isEmpty() || !limits.isEmpty()) {
            return Scaling.resources(live, target.deployment, container, requests, limits, options.why.reason);
        }
        if (hpaMax != null) {
            try {
                String autoscaler = Scaling.autoscalerNow(live, target.deployment, sources.kube().configOf(live.function().id()))
                        .orElse(null);
                return Scaling.autoscaler(live, target.deployment, autoscaler, pipeline.gateway(), hpaMin, hpaMax, cpuPercent,
                        options.why.reason);
            } catch (GatewayException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return Rollouts.knativeScale(live, minScale, maxScale, perPod, options.why.reason);
    }
}
