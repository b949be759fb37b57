package dev.meshdeck.app.cli;

import dev.meshdeck.connectors.aws.AwsSettings;
import dev.meshdeck.connectors.aws.LambdaOperations;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish the function's $LATEST code and configuration as a new immutable version.",
            "Only if $LATEST is still what was just read (CodeSha256, RevisionId). Moves no traffic."})
final class LambdaPublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws = new AwsOptions();

    @Option(names = "--function", required = true, paramLabel = "NAME", description = "The Lambda function.")
    String function;

    @Option(names = "--description", paramLabel = "TEXT", description = "The version's description.")
    String description;

    @Override
    public Integer call() {
        AwsSettings settings = aws.settings();
        try (LambdaOperations operations = new LambdaOperations(settings)) {
            LambdaOperations.PublishedVersion published = operations.publish(aws.singleRegion(settings), function, description);
            String version = published.version().version();
            spec.commandLine().getOut().println(published.created()
                    ? "Published version " + version + " of " + function + " (code " + published.version().codeSha256() + ")."
                    : "Nothing changed since version " + version + " of " + function
                            + ": Lambda published no new version. Deploy new code or configuration first.");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
