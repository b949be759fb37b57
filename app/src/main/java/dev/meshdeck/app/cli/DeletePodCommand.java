package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.app.wiring.FunctionActions;
import dev.meshdeck.core.failover.Rollouts;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.yaml.YamlProblem;
import dev.meshdeck.core.yaml.YamlReader;
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
        return FunctionActions.onFunction(spec, options, target.function, target.namespace, (sources, live, pipeline) -> {
            MeshResource found = sources.kube().podOf(live.function().id(), pod).orElseThrow(() -> new IllegalArgumentException(
                    pod + " is not a pod of " + live.function().id().qualifiedName() + " (see meshdeck pods --function "
                            + live.function().name() + ")"));
            return Rollouts.deletePod(live, object(found), options.why.reason);
        });
    }

    private static ObjectNode object(MeshResource resource) {
        try {
            return (ObjectNode) new YamlReader().read(resource.title(), resource.yaml()).get(0).tree();
        } catch (YamlProblem e) {
            throw new IllegalStateException("cannot read " + resource.title() + ": " + e.getMessage(), e);
        }
    }
}
