package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.FunctionActions;
import dev.meshdeck.core.failover.Rollouts;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "delete-pod",
        mixinStandardHelpOptions = true,
        description = {"Delete one pod of the function (`meshdeck pods --function F` names them) so that its controller",
            "starts a fresh one: a stuck or crash-looping pod restarted without rolling the others. Gated, confirmed",
            "and recorded like every change; only a pod that runs the function is accepted."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:deleted", "1:not one of the function's pods, refused, conflict or denied",
            "2:usage error or no --yes without a terminal"})
final class DeletePodCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ChangeOptions options = new ChangeOptions();
    @Mixin
    FunctionOptions target = new FunctionOptions();

    @Parameters(paramLabel = "POD", description = "The pod's name.")
    String pod;

    @Override
    public Integer call() {
        return FunctionActions.onFunction(spec, options, target.function, target.namespace, (sources, live, pipeline) ->
                Rollouts.deletePod(live, sources.kube(), pod, options.why.reason));
    }
}
