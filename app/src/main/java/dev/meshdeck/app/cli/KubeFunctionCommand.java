package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that reads what runs a function (`pods`, `events`, `config`): found, then printed. */
abstract class KubeFunctionCommand implements Callable<Integer> {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Mixin
    FunctionOptions target = new FunctionOptions();

    @Mixin
    TableOrJson format = new TableOrJson();

    @Override
    public Integer call() throws Exception {
        boolean json = format.json();
        try (Sources resolved = Sources.resolve(sources, false, false, 0)) {
            ServerlessFunction fn = FunctionLookup.find(resolved, target.function, target.namespace);
            Optional<String> shown = fn.platform() == Platform.LAMBDA ? renderLambda(resolved, fn, json)
                    : Optional.of(render(resolved, fn, json));
            if (shown.isEmpty()) {
                spec.commandLine().getErr().println("meshdeck " + spec.name() + ": " + fn.name()
                        + " is a Lambda function: it has no pods (see its CloudWatch metrics: meshdeck lambda metrics)");
                return 1;
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(shown.get());
            out.flush();
            return 0;
        }
    }

    /** What the command prints of a Lambda function; empty when it has nothing to say of one (no pods, no events). */
    Optional<String> renderLambda(Sources sources, ServerlessFunction fn, boolean json) throws Exception {
        return Optional.empty();
    }

    /** What the command prints of the function, as a table or JSON (ending in a newline). */
    abstract String render(Sources sources, ServerlessFunction fn, boolean json) throws Exception;
}
