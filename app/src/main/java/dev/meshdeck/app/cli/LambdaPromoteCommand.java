package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.connectors.aws.AwsSettings;
import dev.meshdeck.connectors.aws.LambdaAliasChange;
import dev.meshdeck.connectors.aws.LambdaOperations;
import dev.meshdeck.connectors.kube.Kubeconfigs;
import dev.meshdeck.connectors.writes.WritePaths;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.history.Action;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.yaml.YamlReader;
import java.util.List;
import java.util.Optional;
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
            "The candidate is validated; findings go to stderr. With --apply it is written through the apply",
            "pipeline and recorded in the history as a promote (undo it with `meshdeck rollback ID`)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:candidate printed (or applied)", "1:the candidate has errors, the alias was not found,"
            + " or the apply failed or met a conflict", "2:usage error, or --apply without --yes and no terminal"})
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

    @Mixin
    CandidateApplyOptions applying = new CandidateApplyOptions();

    @Override
    public Integer call() throws Exception {
        AwsSettings settings = aws.settings();
        String region = aws.singleRegion(settings);
        try (LambdaOperations operations = new LambdaOperations(settings)) {
            LambdaAliasChange change = operations.promote(region, function, alias, version);
            WritePaths paths = new WritePaths(Kubeconfigs.load(List.of()), Optional.of(settings));
            SourceRef.AwsRegion target = new SourceRef.AwsRegion(null, region, aws.profile);
            if (applying.apply) {
                YamlReader reader = new YamlReader();
                ObjectNode live = (ObjectNode) reader.read(change.live().title(), change.live().yaml()).get(0).tree();
                ObjectNode candidate = (ObjectNode) reader.read("<candidate>", change.candidate().yaml()).get(0).tree();
                String subject = function + ":" + alias;
                return applying.apply(spec, target, paths, live, candidate,
                        new ApplyRequest("lambda promote " + subject + " to version "
                                + candidate.at("/spec/functionVersion").asText(), Action.PROMOTE, null, subject));
            }
            spec.commandLine().getOut().print(change.candidate().yaml());
            spec.commandLine().getOut().flush();
            return CandidateApplyOptions.judge(spec, target, paths,
                    new YamlReader().read("<candidate>", change.candidate().yaml()).get(0));
        }
    }
}
