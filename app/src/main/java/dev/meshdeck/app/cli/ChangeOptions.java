package dev.meshdeck.app.cli;

import dev.meshdeck.connectors.aws.AwsDetection;
import dev.meshdeck.connectors.gcp.GcpDetection;
import dev.meshdeck.connectors.gcp.GcpSettings;
import dev.meshdeck.connectors.kube.Kubeconfigs;
import dev.meshdeck.connectors.writes.WritePaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where a change is written and how carefully: the options shared by apply, diff, rollback, recover, failover,
 * failback and rollout.
 */
public final class ChangeOptions {

    @Option(names = "--context", paramLabel = "CONTEXT",
            description = "The kubeconfig context to write to. Default: the kubeconfig's current context.")
    public String context;

    @Option(names = "--kubeconfig", paramLabel = "FILE[:FILE...]",
            description = "Kubeconfig files to read instead of $KUBECONFIG or ~/.kube/config.")
    public String kubeconfig;

    @Option(names = "--aws-profile", paramLabel = "PROFILE", description = "AWS profile for Lambda aliases.")
    public String awsProfile;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region of the Lambda aliases. Default: the profile's or $AWS_REGION.")
    public List<String> regions = new ArrayList<>();

    @Mixin
    public ReasonOptions why = new ReasonOptions();

    @Option(names = {"-y", "--yes"}, description = "Write without asking (required when stdin is not a terminal).")
    public boolean yes;

    @Option(names = "--arm-production", description = "Allow writing to a production target for this command.")
    public boolean armProduction;

    @Option(names = "--production-pattern", paramLabel = "REGEX", defaultValue = "${env:MESHDECK_PRODUCTION_PATTERN:-(?i)prod}",
            description = "Targets whose name matches are read-only unless armed (default: ${DEFAULT-VALUE}).")
    public String productionPattern;

    /** The write paths of the kubeconfigs and AWS configuration these options name, read once for the command. */
    WritePaths writePaths() {
        Kubeconfigs kubeconfigs = Kubeconfigs.fromOption(kubeconfig);
        return new WritePaths(kubeconfigs, AwsDetection.detect(awsProfile, regions), google());
    }

    /** Google Cloud when it names a project and region; otherwise a Cloud Run write says what is missing. */
    private static Optional<GcpSettings> google() {
        try {
            return GcpDetection.detect(List.of(), List.of());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
