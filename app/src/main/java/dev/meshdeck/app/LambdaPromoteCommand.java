package dev.meshdeck.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.connectors.aws.AwsSettings;
import dev.meshdeck.connectors.aws.LambdaAliasChange;
import dev.meshdeck.connectors.aws.LambdaOperations;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rules;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.Validator;
import dev.meshdeck.core.yaml.YamlDocument;
import dev.meshdeck.core.yaml.YamlReader;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "promote", mixinStandardHelpOptions = true,
        description = {"Print the candidate LambdaAlias that promotes an alias: it points at the canary version",
            "(or --version) with its weights cleared. The candidate keeps the alias's RevisionId as",
            "metadata.resourceVersion, so writing it after someone else changed the alias is a conflict.",
            "The candidate is validated; findings go to stderr."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:candidate printed", "1:the candidate has errors, or the alias was not found", "2:usage error"})
final class LambdaPromoteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws = new AwsOptions();

    @Option(names = "--function", required = true, paramLabel = "NAME", description = "The Lambda function.")
    String function;

    @Option(names = "--alias", required = true, paramLabel = "ALIAS", description = "The alias to promote, e.g. live.")
    String alias;

    @Option(names = "--version", paramLabel = "VERSION",
            description = "Promote this published version outright. Default: the alias's canary (additional) version.")
    String version;

    @Override
    public Integer call() throws Exception {
        AwsSettings settings = aws.settings();
        try (LambdaOperations operations = new LambdaOperations(settings)) {
            LambdaAliasChange change = operations.promote(aws.singleRegion(settings), function, alias, version);
            spec.commandLine().getOut().print(change.candidate().yaml());
            spec.commandLine().getOut().flush();
            YamlDocument candidate = new YamlReader().read("<candidate>", change.candidate().yaml()).get(0);
            List<Finding> findings = new Validator(Rules.defaults())
                    .validate(new ValidationContext(List.of(Resource.candidate(candidate)), false));
            findings.forEach(f -> spec.commandLine().getErr().println(f.toCompilerLine()));
            return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR) ? 1 : 0;
        }
    }
}
