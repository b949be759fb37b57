package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.meshdeck.connectors.aws.AwsSettings;
import dev.meshdeck.connectors.aws.LambdaOperations;
import dev.meshdeck.connectors.aws.LambdaVersion;
import dev.meshdeck.core.inventory.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "versions", mixinStandardHelpOptions = true,
        description = "List $LATEST and every published version of a function, with the aliases that run each and their share.")
final class LambdaVersionsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws = new AwsOptions();

    @Option(names = "--function", required = true, paramLabel = "NAME", description = "The Lambda function.")
    String function;

    @Mixin
    TableOrJson output = new TableOrJson();

    @Override
    public Integer call() throws Exception {
        boolean json = output.json();
        AwsSettings settings = aws.settings();
        try (LambdaOperations operations = new LambdaOperations(settings)) {
            List<LambdaVersion> versions = operations.versions(aws.singleRegion(settings), function);
            spec.commandLine().getOut().print(json
                    ? JSON.writeValueAsString(versions) + "\n" : table(versions));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    private static String table(List<LambdaVersion> versions) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"VERSION", "LAST MODIFIED", "CODE SHA256", "RUNTIME", "MEMORY", "TIMEOUT", "ALIASES", "DESCRIPTION"});
        for (LambdaVersion v : versions) {
            String aliases = v.aliasPercent().entrySet().stream()
                    .map(e -> e.getKey() + " " + LambdaMetricsCommand.number(e.getValue()) + "%")
                    .collect(Collectors.joining(", "));
            rows.add(new String[] {v.version(), v.lastModified(), v.codeSha256().substring(0, Math.min(12, v.codeSha256().length())),
                v.runtime(), v.memorySize() + " MB", v.timeout() + " s", aliases.isEmpty() ? "-" : aliases,
                v.description() == null || v.description().isEmpty() ? "-" : v.description()});
        }
        return TextTable.render(rows);
    }
}
