package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.connectors.kube.KubeListing;
import dev.meshdeck.core.inventory.Inventory;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.InventoryFormat;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
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
            "Sources that cannot be reached are reported on stderr; the others are still listed."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every source answered", "1:a source failed or nothing is configured", "2:usage error"})
final class FunctionsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "table|json|yaml",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String output;

    @Override
    public Integer call() {
        InventoryFormat format;
        try {
            format = InventoryFormat.parse(output);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        try (Sources resolved = Sources.resolve(sources, false, false, 0)) {
            // Kubernetes contexts and AWS regions are listed at the same time.
            CompletableFuture<List<InventoryEvent>> lambda = CompletableFuture.supplyAsync(
                    () -> resolved.lambda().map(l -> l.discover()).orElse(List.of()));
            KubeListing kube = resolved.kube().listOnce();

            Inventory inventory = new Inventory();
            kube.problems().forEach(p -> inventory.apply(new InventoryEvent.Problem(p)));
            lambda.join().forEach(inventory::apply);

            List<ServerlessFunction> functions = new ArrayList<>(kube.functions());
            functions.addAll(inventory.functions());
            functions.sort(Inventory.ORDER);
            spec.commandLine().getOut().print(format.render(functions));
            spec.commandLine().getOut().flush();

            List<String> failures = new ArrayList<>(inventory.problems());
            kube.sources().stream().filter(s -> s.state() == SourceStatus.State.FAILED).map(SourceStatus::message)
                    .forEach(failures::add);
            inventory.statuses().values().stream().filter(s -> s.state() == SourceStatus.State.FAILED)
                    .map(SourceStatus::message).forEach(failures::add);
            failures.forEach(f -> err.println("meshdeck functions: " + f));
            return failures.isEmpty() ? 0 : 1;
        }
    }
}
