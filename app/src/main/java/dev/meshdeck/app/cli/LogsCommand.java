package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.connectors.aws.LambdaCatalog;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.logs.LogFilter;
import dev.meshdeck.core.logs.LogLine;
import dev.meshdeck.core.logs.LogQuery;
import dev.meshdeck.core.logs.LogSource;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "logs",
        mixinStandardHelpOptions = true,
        description = {
            "The logs of a function: every pod of every version, merged by time, each line prefixed with its pod",
            "and version, like `kubectl logs` over all of them at once. `--container istio-proxy` gives the Envoy",
            "access log. A Lambda function's logs are read from CloudWatch Logs, each line prefixed with its log stream."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed (possibly nothing)", "1:the function was not found or its logs cannot be read",
            "2:usage error"})
final class LogsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Mixin
    FunctionOptions target = new FunctionOptions();

    @Option(names = "--since", paramLabel = "DURATION", defaultValue = "5m",
            description = "How far back: 30s, 5m, 2h (default: ${DEFAULT-VALUE}).")
    String since;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until interrupted.")
    boolean follow;

    @Option(names = {"-c", "--container"}, paramLabel = "NAME",
            description = "The container of each pod (istio-proxy: the access log). Default: the function's own.")
    String container;

    @Option(names = "--version", paramLabel = "VERSION", description = "Only the pods of this version.")
    String version;

    @Option(names = "--grep", paramLabel = "REGEX", description = "Only the lines this RE2 regular expression finds.")
    String grep;

    @Option(names = {"-p", "--previous"}, description = "The previous (crashed) container's lines.")
    boolean previous;

    @Override
    public Integer call() throws Exception {
        LogQuery query = new LogQuery(Optional.of(DurationText.parse("--since", since)), Optional.ofNullable(container),
                Optional.ofNullable(version), Optional.ofNullable(grep).map(LogsCommand::grep), follow, previous);
        PrintWriter out = spec.commandLine().getOut();
        try (Sources resolved = Sources.resolve(sources, false, false, 0)) {
            ServerlessFunction fn = FunctionLookup.find(resolved, target.function, target.namespace);
            LogSource source = fn.platform() != Platform.LAMBDA ? resolved.kube() : resolved.lambda()
                    .map(LambdaCatalog::logs).orElseThrow(() -> new IllegalStateException(fn.name()
                            + " is a Lambda function and no AWS region is configured to read its CloudWatch Logs"));
            try (LogSource.LogFeed feed = source.open(fn.id(), query, lines -> print(out, lines))) {
                if (follow) {
                    // until Ctrl-C: the feed prints on its own threads
                    new CountDownLatch(1).await();
                }
            }
        }
        return 0;
    }

    private static LogFilter grep(String expression) {
        try {
            return LogFilter.regex(expression);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--grep " + e.getMessage(), e);
        }
    }

    private static void print(PrintWriter out, List<LogLine> lines) {
        synchronized (out) {
            lines.forEach(line -> out.println(line.prefixed()));
            out.flush();
        }
    }
}
