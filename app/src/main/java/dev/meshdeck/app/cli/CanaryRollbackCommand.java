package dev.meshdeck.app.cli;

import dev.meshdeck.connectors.canary.FileCanaryRunStore;
import dev.meshdeck.core.canary.CanaryRun;
import dev.meshdeck.core.canary.CanaryRunner;
import dev.meshdeck.core.canary.RunStatus;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Takes a promoted function back to its state before its newest canary run: the traffic object's",
            "spec from before the first step, written as one recorded change set. Someone else's change since is a",
            "conflict, never overwritten."})
final class CanaryRollbackCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FunctionOptions target = new FunctionOptions();

    @Mixin
    CanaryOptions options = new CanaryOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Optional<CanaryRun> newest = FileCanaryRunStore.resolve().runs().stream()
                .filter(r -> r.function().equals(target.function) && (target.namespace == null || r.namespace().equals(target.namespace)))
                .findFirst();
        if (newest.isEmpty()) {
            err.println("meshdeck canary rollback: " + target.function + " has had no canary run");
            return 1;
        }
        try (CanaryConnection c = CanaryConnection.open(options, newest.get())) {
            CanaryRun back = c.runner.rollBack(newest.get(), CanaryForeground.now());
            CanaryText.progress(newest.get(), back).forEach(spec.commandLine().getOut()::println);
            return back.status() == RunStatus.ROLLED_BACK ? 0 : 1;
        } catch (CanaryRunner.Refused | IllegalArgumentException e) {
            err.println("meshdeck canary rollback: " + e.getMessage());
            return 1;
        }
    }
}
