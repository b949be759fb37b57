package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.ChangeWiring;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.connectors.writes.WritePaths;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.ProductionGuard;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.WriteTarget;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.yaml.YamlDocument;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code --apply} options of a command that prints one candidate object (`traffic set`, `lambda promote`),
 * and sending that candidate through the apply pipeline of the object's own context or region.
 */
final class CandidateApplyOptions {

    @Option(names = "--apply", description = "Apply the candidate through the safe pipeline (diff, dry run, confirm or --yes,"
            + " write with the live version as precondition, verify, history).")
    boolean apply;

    @Option(names = {"-y", "--yes"}, description = "With --apply: write without asking (required when stdin is not a terminal).")
    boolean yes;

    @Mixin
    ReasonOptions why = new ReasonOptions();

    @Option(names = "--arm-production", description = "With --apply: allow writing to a production target.")
    boolean armProduction;

    /**
     * Writes {@code live} → {@code candidate} to {@code target} (a kube context, or an AWS region with its profile),
     * asking first unless --yes; answers the exit code.
     *
     * @param paths   where the command's sources are written (their kubeconfigs and AWS settings, already read)
     * @param request the history record; its reason is replaced by --reason when given
     */
    int apply(CommandSpec spec, SourceRef target, WritePaths paths, ObjectNode live, ObjectNode candidate,
              ApplyRequest request) {
        ChangeOptions options = new ChangeOptions();
        options.yes = yes;
        options.why = why;
        options.armProduction = armProduction;
        options.productionPattern = System.getenv().getOrDefault("MESHDECK_PRODUCTION_PATTERN", ProductionGuard.DEFAULT_PATTERN);
        String context = null;
        if (target instanceof SourceRef.AwsRegion region) {
            options.awsProfile = region.profile();
            options.regions = List.of(region.region());
        } else if (target instanceof SourceRef.KubeContext kube) {
            context = kube.context();
        }
        boolean lambda = target instanceof SourceRef.AwsRegion;
        ChangeSet change = ChangeSet.of(ResourceChange.of(live, candidate));
        if (target instanceof SourceRef.GcpRegion google) {
            try (ChangeWiring wiring = ChangeWiring.to(options, paths, new WriteTarget.GcpRegion(google.project(), google.region()))) {
                return wiring.apply(spec, options, change, request, ChangeWiring.Mode.APPLY);
            }
        }
        try (ChangeWiring wiring = ChangeWiring.connect(options, paths, context, !lambda, lambda)) {
            return wiring.apply(spec, options, change, request, ChangeWiring.Mode.APPLY);
        }
    }

    /**
     * Without --apply: {@code candidate} judged as the gate would judge it on {@code target} (its live objects
     * the references), findings on stderr; answers the exit code (1 on errors, 2 when the target cannot be read).
     */
    static int judge(CommandSpec spec, SourceRef target, WritePaths paths, YamlDocument candidate) {
        PrintWriter err = spec.commandLine().getErr();
        List<Finding> findings;
        try {
            WriteTarget where = target instanceof SourceRef.AwsRegion aws ? paths.region(aws.region())
                    : target instanceof SourceRef.GcpRegion google ? new WriteTarget.GcpRegion(google.project(), google.region())
                    : paths.context(((SourceRef.KubeContext) target).context());
            findings = paths.judge(where, List.of(Resource.candidate(candidate)));
        } catch (GatewayException | IllegalArgumentException e) {
            err.println("meshdeck " + spec.name() + ": the candidate cannot be checked against " + target.label()
                    + ": " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        findings.forEach(f -> err.println(f.toCompilerLine()));
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR) ? 1 : 0;
    }
}
