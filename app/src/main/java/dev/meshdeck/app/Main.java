package dev.meshdeck.app;

import dev.meshdeck.app.cli.MeshDeckCommand;
import dev.meshdeck.connectors.history.UserDirectories;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;

/**
 * Entry point of the jar and of the packaged launcher. Deliberately not a JavaFX {@code Application}: a
 * shaded jar whose main class extends Application refuses to start without JavaFX on the module path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Optional<SharedClasses.Plan> relaunch = SharedClasses.plan(List.of(args), System.getenv(),
                System.getProperty("java.class.path"), Path.of(System.getProperty("java.home")),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), UserDirectories.current().cache(),
                System.getProperty("java.version"));
        if (relaunch.isPresent()) {
            System.exit(SharedClasses.run(relaunch.get()));
        }
        SharedClasses.followLauncher();
        // fabric8's mock server and others log through java.util.logging; route them to Logback's levels.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code: 0 ok, 1 findings or failure, 2 usage. */
    public static int run(String... args) {
        return MeshDeckCommand.commandLine().execute(args);
    }
}
