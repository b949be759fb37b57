package dev.meshdeck.app.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where functions come from: the options shared by the window and the headless inventory. */
public final class SourceOptions {

    @Option(names = "--kubeconfig", paramLabel = "FILE[:FILE...]",
            description = "Kubeconfig files to read instead of $KUBECONFIG or ~/.kube/config.")
    public String kubeconfig;

    @Option(names = "--context", paramLabel = "CONTEXT",
            description = "Only this kubeconfig context (repeatable). Default: every context of every file.")
    public List<String> contexts = new ArrayList<>();

    @Option(names = "--aws-profile", paramLabel = "PROFILE",
            description = "AWS profile for Lambda (static keys, SSO or credential_process). Default: the SDK default chain.")
    public String awsProfile;

    @Option(names = "--region", paramLabel = "REGION", split = ",",
            description = "AWS regions to scan in parallel (comma-separated or repeated). Default: the profile's or $AWS_REGION.")
    public List<String> regions = new ArrayList<>();

    @Option(names = "--gcp-project", paramLabel = "PROJECT", split = ",",
            description = "Google Cloud projects to scan for Cloud Run (comma-separated or repeated). Default: gcloud's project.")
    public List<String> gcpProjects = new ArrayList<>();

    @Option(names = "--gcp-region", paramLabel = "REGION", split = ",",
            description = "Cloud Run regions to scan (comma-separated or repeated). Default: gcloud's run/region.")
    public List<String> gcpRegions = new ArrayList<>();

    @Option(names = "--function-labels", paramLabel = "RULES",
            description = "Which plain Deployments count as functions: comma-separated key=value or key "
                    + "(default: meshdeck.dev/function=true,app.kubernetes.io/component=function).")
    public String functionLabels;
}
