package dev.meshdeck.app.cli;

import dev.meshdeck.core.canary.CanaryClock;
import dev.meshdeck.core.canary.CanaryLoop;
import dev.meshdeck.core.canary.CanaryRun;
import dev.meshdeck.core.canary.CanaryRunStore;
import dev.meshdeck.core.canary.Owner;
import dev.meshdeck.core.canary.RunStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
        CanaryRun end = new CanaryLoop(connection.runner, connection.store, CanaryClock.system(), pid()).drive(run, next -> {
            CanaryText.progress(last[0], next).forEach(out::println);
            out.flush();
            last[0] = next;
        });
        return end.status() == RunStatus.PROMOTED ? 0 : 1;
    }

    static Instant now() {
        return Instant.now();
    }

    /**
     * Beats for run {@code id} every second from a thread of its own until closed, so that a write slowed down by a
     * loaded API server never makes the run look abandoned to another terminal.
     */
    static AutoCloseable heartbeat(CanaryRunStore store, String id) {
        ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "canary-heartbeat");
            t.setDaemon(true);
            return t;
        });
        beats.scheduleWithFixedDelay(() -> store.beat(id, new Owner(pid(), now())), 0, 1, TimeUnit.SECONDS);
        return beats::shutdownNow;
    }
}
