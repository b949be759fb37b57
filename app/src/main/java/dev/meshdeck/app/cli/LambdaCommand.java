package dev.meshdeck.app.cli;

import picocli.CommandLine.Command;

@Command(name = "lambda",
        mixinStandardHelpOptions = true,
        description = {
            "AWS Lambda versions, aliases and metrics, through the AWS SDK's standard configuration (profiles, SSO,",
            "credential_process, AWS_ENDPOINT_URL_LAMBDA / AWS_ENDPOINT_URL_CLOUDWATCH). Alias changes are printed as",
            "LambdaAlias candidate YAML carrying the alias's RevisionId; `meshdeck traffic set` moves a canary's weight."
        },
        subcommands = {LambdaVersionsCommand.class, LambdaPublishCommand.class, LambdaPromoteCommand.class,
            LambdaMetricsCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure or findings", "2:usage error"})
final class LambdaCommand {
}
