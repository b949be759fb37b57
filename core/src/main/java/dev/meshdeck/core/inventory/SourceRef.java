package dev.meshdeck.core.inventory;

import java.util.Objects;
import java.util.Optional;

/**
 * Where functions are discovered: a kubeconfig context, an AWS account in one region, or a Google Cloud project
 * in one region.
 * Never holds a credential, only the names needed to show and to reconnect.
 */
public sealed interface SourceRef permits SourceRef.KubeContext, SourceRef.AwsRegion, SourceRef.GcpRegion {

    /** Stable key, unique across sources (used in maps, JSON and the UI tree). */
    String id();

    /** What the user reads: the context name, or account/region. */
    String label();

    /** A kube context; {@code cluster} and {@code server} are informative only. */
    record KubeContext(String context, String cluster, String server) implements SourceRef {
        @Override
        public String id() {
            return "kube:" + context;
        }

        @Override
        public String label() {
            return context;
        }
    }

    /**
     * An AWS account scanned in one region, reached through an optional named profile. Identity is profile +
     * region: the account is only learned after connecting (STS or function ARNs), and the source must stay
     * the same one when it is.
     */
    record AwsRegion(String account, String region, String profile) implements SourceRef {
        @Override
        public String id() {
            return "aws:" + (profile == null ? "" : profile) + ":" + region;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof AwsRegion o && Objects.equals(region, o.region) && Objects.equals(profile, o.profile);
        }

        @Override
        public int hashCode() {
            return Objects.hash(region, profile);
        }

        @Override
        public String label() {
            return account + "/" + region;
        }

        /** The account, once it is learned: an AWS account ID is 12 digits, anything else stands for "not yet known". */
        public Optional<String> knownAccount() {
            return account != null && account.matches("\\d{12}") ? Optional.of(account) : Optional.empty();
        }
    }

    /** A Google Cloud project in one region (a Cloud Run location such as europe-west1). */
    record GcpRegion(String project, String region) implements SourceRef {
        public GcpRegion {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(region, "region");
        }

        @Override
        public String id() {
            return "gcp:" + project + ":" + region;
        }

        @Override
        public String label() {
            return project + "/" + region;
        }
    }
}
