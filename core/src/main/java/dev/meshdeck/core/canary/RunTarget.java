package dev.meshdeck.core.canary;

/**
 * Where the function's traffic object lives, so any later process (status, resume, abort) writes to the same place:
 * a kube context, or an AWS region with its profile.
 */
public record RunTarget(String kubeContext, String awsRegion, String awsProfile) {

    public static RunTarget kube(String context) {
        return new RunTarget(context, null, null);
    }

    public static RunTarget aws(String region, String profile) {
        return new RunTarget(null, region, profile);
    }

    public boolean isAws() {
        return awsRegion != null;
    }

    public String label() {
        return isAws() ? "AWS " + awsRegion : "context " + kubeContext;
    }
}
