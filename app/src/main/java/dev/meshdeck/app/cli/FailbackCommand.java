package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.FunctionActions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "failback",
        mixinStandardHelpOptions = true,
        description = {
            "End a function's failover: roll back the newest applied `meshdeck failover` of it (in the history of its",
            "context or region, or for a Lambda function failed over to the mesh, of that kube context), restoring",
            "exactly the routing recorded before. When someone changed those objects",
            "since, it is a conflict shown base / live / mine, and nothing is overwritten."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:failed back", "1:no failover to undo, conflict, refused or denied",
            "2:usage error or no --yes without a terminal"})
final class FailbackCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ChangeOptions options = new ChangeOptions();

    @Mixin
    FunctionOptions target = new FunctionOptions();

    @Override
    public Integer call() {
        return FunctionActions.failback(spec, options, target.function, target.namespace);
    }
}
