package dev.meshdeck.connectors.writes;

import dev.meshdeck.connectors.aws.AwsSettings;
import dev.meshdeck.connectors.aws.LambdaAliasGateway;
import dev.meshdeck.connectors.gcp.CloudRunServiceGateway;
import dev.meshdeck.connectors.gcp.GcpSettings;
import dev.meshdeck.connectors.kube.KubeGateway;
import dev.meshdeck.connectors.kube.Kubeconfigs;
import dev.meshdeck.core.changes.ClusterGateway;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.WriteTarget;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place gateways are built for a {@link WriteTarget}, from the kubeconfigs and AWS settings the app has
 * already loaded: the CLI commands and the window write through it, so nothing reads a kubeconfig or detects
 * AWS a second time per write.
 */
public final class WritePaths {

    /** Long enough for a loaded API server; a write that takes longer counts as unanswered and is checked. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Kubeconfigs kubeconfigs;
    private final Optional<AwsSettings> aws;
    private final Optional<GcpSettings> gcp;

    /** @param aws the AWS configuration, empty when there is none (then no Lambda alias can be written) */
    public WritePaths(Kubeconfigs kubeconfigs, Optional<AwsSettings> aws) {
        this(kubeconfigs, aws, Optional.empty());
    }

    /** @param gcp the Google Cloud configuration, empty when there is none (then no Cloud Run service can be written) */
    public WritePaths(Kubeconfigs kubeconfigs, Optional<AwsSettings> aws, Optional<GcpSettings> gcp) {
        this.kubeconfigs = kubeconfigs;
        this.aws = aws;
        this.gcp = gcp;
    }

    /**
     * The kube context to write to: {@code context}, else the kubeconfig's current one.
     *
     * @throws IllegalArgumentException when the kubeconfigs cannot be read or name no current context
     */
    public WriteTarget.KubeContext context(String context) {
        if (!kubeconfigs.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", kubeconfigs.problems()));
        }
        return new WriteTarget.KubeContext(context != null ? context : kubeconfigs.currentContext().orElseThrow(() ->
                new IllegalArgumentException("no context given and the kubeconfig has no current-context: pass --context")));
    }

    /**
     * The Lambda region to write to: {@code region}, else the AWS configuration's first one. Its account is
     * learned when connecting.
     *
     * @throws IllegalArgumentException when there is no AWS configuration
     */
    public WriteTarget.AwsRegion region(String region) {
        AwsSettings settings = settings(region);
        return new WriteTarget.AwsRegion(null, settings.effectiveProfile(),
                region != null ? region : settings.regions().get(0));
    }

    /** Gateways to every part of {@code target}, as one. The caller closes it ({@link AutoCloseable}). */
    public ClusterGateway open(WriteTarget target) {
        List<ClusterGateway> gateways = new ArrayList<>();
        try {
            for (WriteTarget part : target.parts()) {
                if (part instanceof WriteTarget.KubeContext kube) {
                    gateways.add(KubeGateway.connect(kubeconfigs, kube.name(), REQUEST_TIMEOUT));
                } else if (part instanceof WriteTarget.AwsRegion region) {
                    gateways.add(new LambdaAliasGateway(settings(region.region()), region.region()));
                } else if (part instanceof WriteTarget.GcpRegion google) {
                    gateways.add(new CloudRunServiceGateway(gcp.orElseThrow(() -> new IllegalArgumentException(
                            "Cloud Run services in " + google.label() + " cannot be written: no Google Cloud"
                            + " configuration was found (pass --gcp-project/--gcp-region)")), google));
                }
            }
        } catch (RuntimeException e) {
            gateways.forEach(WritePaths::close);
            throw e;
        }
        return ClusterGateway.combined(gateways);
    }

    /**
     * Judges {@code candidates} as the apply pipeline's gate would on {@code target}: against its live objects
     * and CRDs, each candidate replacing the object it names. For `validate --context` and the previews of the
     * commands that write only with --apply.
     */
    public List<Finding> judge(WriteTarget target, List<Resource> candidates) throws GatewayException {
        ClusterGateway gateway = open(target);
        try {
            return gateway.estate().validate(candidates, List.of());
        } finally {
            close(gateway);
        }
    }

    /** Closes the clients of a gateway {@link #open} built. */
    public static void close(ClusterGateway gateway) {
        try {
            if (gateway instanceof AutoCloseable closeable) {
                closeable.close();
            }
        } catch (Exception e) {
            // closing a client after the work is done: nothing to report
        }
    }

    private AwsSettings settings(String region) {
        return aws.orElseThrow(() -> new IllegalArgumentException("Lambda aliases" + (region == null ? "" : " in " + region)
                + " cannot be written: no AWS configuration was found (pass --aws-profile/--region or set AWS_PROFILE /"
                + " AWS_REGION)"));
    }
}
