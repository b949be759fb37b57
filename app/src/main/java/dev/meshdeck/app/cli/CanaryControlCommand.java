package dev.meshdeck.app.cli;

import dev.meshdeck.connectors.canary.FileCanaryRunStore;
import dev.meshdeck.core.canary.CanaryRun;
import dev.meshdeck.core.canary.CanaryRunStore;
import dev.meshdeck.core.canary.Control;
import dev.meshdeck.core.canary.RunStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A person's request to the active run of a function. When a process drives the run, the request is left in the
 * store for it (it looks every half second) and this command waits to see it taken; when none does (the run was
 * interrupted), this process acts itself — and `resume` then drives the run in the foreground.
 */
abstract class CanaryControlCommand implements Callable<Integer> {

    /** How long the driving process gets to take a request before this command says it has not yet. */
    private static final Duration TAKEN_WITHIN = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Mixin
    FunctionOptions target = new FunctionOptions();

    @Mixin
    CanaryOptions options = new CanaryOptions();

    abstract Control control();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CanaryRunStore store = FileCanaryRunStore.resolve();
        Optional<CanaryRun> active = store.runs().stream().filter(r -> r.status().active())
                .filter(r -> r.function().equals(target.function) && (target.namespace == null || r.namespace().equals(target.namespace)))
                .findFirst();
        if (active.isEmpty()) {
            err.println("meshdeck canary " + spec.name() + ": " + target.function + " has no active canary run (see meshdeck canary status)");
            return 1;
        }
        CanaryRun run = active.get();
        if (!run.interrupted(CanaryForeground.now())) {
            return request(store, run, out, err);
        }
        try (CanaryConnection c = CanaryConnection.open(options, run)) {
            CanaryRun[] last = {run};
            CanaryRun end = CanaryForeground.takeOver(c, run, control(), next -> {
                if (last[0] == run && control() == Control.RESUME && next.status().active()) {
                    out.println("canary " + run.id() + " resumed by this process on fresh metrics");
                }
                CanaryText.progress(last[0], next).forEach(out::println);
                out.flush();
                last[0] = next;
            });
            boolean done = control() == Control.RESUME ? end.status() == RunStatus.PROMOTED : succeeded(end);
            return done ? 0 : 1;
        } catch (IllegalArgumentException e) {
            err.println("meshdeck canary " + spec.name() + ": " + e.getMessage());
            return 1;
        }
    }

    private int request(CanaryRunStore store, CanaryRun run, PrintWriter out, PrintWriter err) throws InterruptedException {
        store.request(run.id(), control());
        Instant deadline = Instant.now().plus(TAKEN_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            Optional<CanaryRun> now = store.runs().stream().filter(r -> r.id().equals(run.id())).findFirst();
            if (now.isPresent() && now.get().status() != run.status()) {
                out.println("canary " + run.id() + ": " + now.get().status().label()
                        + (now.get().reason().isEmpty() ? "" : ": " + now.get().reason()));
                return succeeded(now.get()) ? 0 : 1;
            }
            Thread.sleep(200);
        }
        err.println("meshdeck canary " + spec.name() + ": asked; the process driving " + run.id() + " (pid " + run.owner().pid()
                + ") has not acted on it within " + TAKEN_WITHIN.toSeconds() + "s");
        return 1;
    }

    private boolean succeeded(CanaryRun run) {
        return switch (control()) {
            case PAUSE -> run.status() == RunStatus.PAUSED;
            case RESUME -> run.status() == RunStatus.RUNNING;
            case PROMOTE -> run.status() == RunStatus.PROMOTED;
            case ABORT -> run.status() == RunStatus.ABORTED;
        };
    }

    @Command(name = "pause", mixinStandardHelpOptions = true,
            description = "Holds the function's active run at its weight: nothing is judged or written until resumed.")
    static final class Pause extends CanaryControlCommand {
        @Override
        Control control() {
            return Control.PAUSE;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true,
            description = {"Resumes a paused run (or releases a manual gate) on a fresh interval. An interrupted run (its",
                "process gone) is resumed from its last written step by this process, in the foreground; figures from",
                "before the interruption never count. Exit codes then as for start."})
    static final class Resume extends CanaryControlCommand {
        @Override
        Control control() {
            return Control.RESUME;
        }
    }

    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = "Promotes the function's active run now: all traffic to the candidate, whatever step it is at.")
    static final class Promote extends CanaryControlCommand {
        @Override
        Control control() {
            return Control.PROMOTE;
        }
    }

    @Command(name = "abort", mixinStandardHelpOptions = true,
            description = "Aborts the function's active run: the weights from before the run are written back.")
    static final class Abort extends CanaryControlCommand {
        @Override
        Control control() {
            return Control.ABORT;
        }
    }
}
