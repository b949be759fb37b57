package dev.meshdeck.core.inventory;

/**
 * Where functions are discovered: a kubeconfig context, or an AWS account in one region.
 * Never holds a credential, only the names needed to show and to reconnect.
 */
public sealed interface SourceRef permits SourceRef.KubeContext, SourceRef.AwsRegion {

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

    /** An AWS account scanned in one region, reached through an optional named profile. */
    record AwsRegion(String account, String region, String profile) implements SourceRef {
        @Override
        public String id() {
            return "aws:" + account + ":" + region;
        }

        @Override
        public String label() {
            return account + "/" + region;
        }
    }
}
