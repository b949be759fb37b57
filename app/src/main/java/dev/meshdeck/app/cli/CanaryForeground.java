package dev.meshdeck.app.cli;

import dev.meshdeck.core.canary.CanaryClock;
import dev.meshdeck.core.canary.CanaryLoop;
import dev.meshdeck.core.canary.CanaryRun;
import dev.meshdeck.core.canary.CanaryRunStore;
import dev.meshdeck.core.canary.Control;
import dev.meshdeck.core.canary.Owner;
import dev.meshdeck.core.canary.RunStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;

/** A run driven by this process until it ends, each transition printed as it happens. */
final class CanaryForeground {

    private CanaryForeground() {
    }

    /** The process's own id: the run's owner, so `canary status` elsewhere can tell whether it still drives the run. */
    static long pid() {
        return ProcessHandle.current().pid();
    }

    /**
     * Prints what led to {@code run} from {@code before}, drives it to its end and answers the exit code: 0 promoted,
     * 1 anything else.
     */
    static int drive(CommandSpec spec, CanaryConnection connection, CanaryRun before, CanaryRun run) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        CanaryRun[] last = {run};
        CanaryText.progress(before, run).forEach(out::println);
        out.flush();
        CanaryRun end = drive(connection, run, next -> {
            CanaryText.progress(last[0], next).forEach(out::println);
            out.flush();
            last[0] = next;
        });
        return end.status() == RunStatus.PROMOTED ? 0 : 1;
    }

    private static CanaryRun drive(CanaryConnection connection, CanaryRun run, Consumer<CanaryRun> progress)
            throws InterruptedException {
        return new CanaryLoop(connection.runner, connection.store, CanaryClock.system(), pid()).drive(run, progress);
    }

    /**
     * This process takes over {@code run}, which nobody drives: acts on {@code control} as its owner (a request left
     * for the process that died was never acted on: this one replaces it), and after a resume drives it here until it
     * ends, beating all along. {@code progress} sees the run after the control and every state after it.
     *
     * @return the run as it ended (or as the control left it)
     */
    static CanaryRun takeOver(CanaryConnection connection, CanaryRun run, Control control, Consumer<CanaryRun> progress)
            throws InterruptedException {
        connection.store.takeRequest(run.id());
        try (Beat beating = heartbeat(connection.store, run.id())) {
            Instant now = now();
            CanaryRun owned = run.with(d -> d.owner = new Owner(pid(), now));
            CanaryRun next = connection.runner.control(owned, control, now);
            progress.accept(next);
            return control == Control.RESUME && next.status().active() ? drive(connection, next, progress) : next;
        }
    }

    /** A heartbeat running until closed. */
    interface Beat extends AutoCloseable {
        @Override
        void close();
    }

    static Instant now() {
        return Instant.now();
    }

    /**
     * Beats for run {@code id} every second from a thread of its own until closed, so that a write slowed down by a
     * loaded API server never makes the run look abandoned to another terminal.
     */
    static Beat heartbeat(CanaryRunStore store, String id) {
        ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "canary-heartbeat");
            t.setDaemon(true);
            return t;
        });
        beats.scheduleWithFixedDelay(() -> store.beat(id, new Owner(pid(), now())), 0, 1, TimeUnit.SECONDS);
        return beats::shutdownNow;
    }
}
