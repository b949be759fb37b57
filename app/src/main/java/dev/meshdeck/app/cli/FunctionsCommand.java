package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.connectors.gcp.CloudRunCatalog;
import dev.meshdeck.connectors.kube.KubeListing;
import dev.meshdeck.core.inventory.Inventory;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.InventoryFormat;
import dev.meshdeck.core.inventory.InventoryWatch;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "functions",
        mixinStandardHelpOptions = true,
        description = {
            "List every function on every platform: Knative, OpenFaaS, Kubeless, plain Kubernetes Deployments and AWS Lambda.",
            "One row per function with its versions and traffic shares, mesh status and health.",
            "Sources that cannot be reached are reported on stderr; the others are still listed.",
            "With --watch, keeps streaming changes like `kubectl get -w` until interrupted: each function added, modified or",
            "deleted, and each source's state (connected, degraded, stale, failed) with its reason; the first lines are the",
            "current state. With -o json, one object per line: {\"type\":\"function\",\"event\":\"added\",...} or",
            "{\"type\":\"source\",\"source\":\"prod-eu\",\"state\":\"stale\",\"reason\":...,\"since\":...}."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every source answered", "1:a source failed or nothing is configured", "2:usage error"})
final class FunctionsCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionsCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "table|json|yaml",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = {"-w", "--watch"}, description = "Keep watching and print each change (table or json) until interrupted.")
    boolean watch;

    @Override
    public Integer call() {
        InventoryFormat format;
        try {
            format = InventoryFormat.parse(output);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (watch) {
            if (format == InventoryFormat.YAML) {
                throw new ParameterException(spec.commandLine(), "--watch prints table or json, not yaml");
            }
            return watch(format);
        }
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        try (Sources resolved = Sources.resolve(sources, false, false, 0)) {
            LOG.debug("sources resolved in {} ms", millisSince(start));
            // Kubernetes contexts, AWS regions and Google Cloud regions are listed at the same time.
            CompletableFuture<List<InventoryEvent>> lambda = CompletableFuture.supplyAsync(() -> {
                List<InventoryEvent> events = resolved.lambda().map(l -> l.discover()).orElse(List.of());
                LOG.debug("Lambda listed at {} ms", millisSince(start));
                return events;
            });
            CompletableFuture<List<InventoryEvent>> cloudRun = CompletableFuture.supplyAsync(() ->
                    resolved.cloudRun().map(CloudRunCatalog::discover).orElse(List.of()));
            KubeListing kube = resolved.kube().listOnce();
            LOG.debug("Kubernetes listed at {} ms", millisSince(start));

            Inventory inventory = new Inventory();
            kube.problems().forEach(p -> inventory.apply(new InventoryEvent.Problem(p)));
            lambda.join().forEach(inventory::apply);
            cloudRun.join().forEach(inventory::apply);

            List<ServerlessFunction> functions = new ArrayList<>(kube.functions());
            functions.addAll(inventory.functions());
            functions.sort(Inventory.ORDER);
            long rendering = System.nanoTime();
            spec.commandLine().getOut().print(format.render(functions));
            spec.commandLine().getOut().flush();
            LOG.debug("{} functions written in {} ms", functions.size(), millisSince(rendering));

            List<String> failures = new ArrayList<>(inventory.problems());
            kube.sources().stream().filter(s -> s.state() == SourceStatus.State.FAILED).map(SourceStatus::message)
                    .forEach(failures::add);
            inventory.statuses().values().stream().filter(s -> s.state() == SourceStatus.State.FAILED)
                    .map(SourceStatus::message).forEach(failures::add);
            failures.forEach(f -> err.println("meshdeck functions: " + f));
            return failures.isEmpty() ? 0 : 1;
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /**
     * Streams the live catalog's changes until the thread is interrupted (or the process ends: Ctrl+C and SIGTERM
     * need nothing closed, every catalog thread is a daemon). Catalog events arrive on many threads; one queue
     * keeps the lines whole and in order.
     */
    private int watch(InventoryFormat format) {
        PrintWriter out = spec.commandLine().getOut();
        BlockingQueue<InventoryEvent> events = new LinkedBlockingQueue<>();
        InventoryWatch changes = new InventoryWatch();
        try (Sources resolved = Sources.resolve(sources, false, false, 0)) {
            resolved.catalog().start(events::add, true);
            while (!Thread.currentThread().isInterrupted()) {
                InventoryEvent event = events.take();
                if (event instanceof InventoryEvent.Problem p) {
                    spec.commandLine().getErr().println("meshdeck functions: " + p.message());
                }
                changes.apply(event).forEach(c -> out.println(format.watchLine(c)));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
