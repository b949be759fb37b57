package dev.meshdeck.core.changes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a change set is written: a kube context, an AWS account and region, or both at once. A gateway reports
 * it, the history stores it in columns of its own, and rollback, failback, undo and recovery match on it; its
 * {@link #label()} is for people only and is never parsed back.
 */
public sealed interface WriteTarget permits WriteTarget.KubeContext, WriteTarget.AwsRegion, WriteTarget.GcpRegion,
        WriteTarget.Combined {

    /** What a person reads: "context prod-eu", "AWS 123456789012/eu-west-1", both joined with " + ". */
    String label();

    /** The single targets this one is made of (itself, unless combined). */
    List<WriteTarget> parts();

    /** The fields that name it, for JSON: {@code context}, {@code account}, {@code profile}, {@code region}. */
    Map<String, String> fields();

    /**
     * Whether a pipeline writing here reaches everything {@code written} names: a kube context and a region
     * reach a change set written to that context alone, and to that region alone.
     */
    default boolean reaches(WriteTarget written) {
        return written.parts().stream().allMatch(w -> parts().stream().anyMatch(p -> p.sameAs(w)));
    }

    /** The same place, as far as both know it (see {@link AwsRegion#sameAs}). */
    boolean sameAs(WriteTarget other);

    /** The kube context written to, if any. */
    default Optional<String> context() {
        return parts().stream().filter(KubeContext.class::isInstance).map(p -> ((KubeContext) p).name()).findFirst();
    }

    /** The AWS region written to, if any. */
    default Optional<AwsRegion> aws() {
        return parts().stream().filter(AwsRegion.class::isInstance).map(AwsRegion.class::cast).findFirst();
    }

    /** The Google Cloud project and region written to, if any. */
    default Optional<GcpRegion> gcp() {
        return parts().stream().filter(GcpRegion.class::isInstance).map(GcpRegion.class::cast).findFirst();
    }

    /** One target over several; a single one is itself. */
    static WriteTarget of(List<WriteTarget> targets) {
        List<WriteTarget> parts = targets.stream().flatMap(t -> t.parts().stream()).toList();
        return parts.size() == 1 ? parts.get(0) : new Combined(parts);
    }

    /** A kubeconfig context. */
    record KubeContext(String name) implements WriteTarget {
        public KubeContext {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String label() {
            return "context " + name;
        }

        @Override
        public List<WriteTarget> parts() {
            return List.of(this);
        }

        @Override
        public Map<String, String> fields() {
            return Map.of("context", name);
        }

        @Override
        public boolean sameAs(WriteTarget other) {
            return equals(other);
        }

        @Override
        public String toString() {
            return label();
        }
    }

    /**
     * An AWS account in one region. The account is null when STS could not be asked (a Lambda endpoint
     * redirected without STS, STS unreachable); the profile is null for the SDK's default chain.
     */
    record AwsRegion(String account, String profile, String region) implements WriteTarget {
        public AwsRegion {
            Objects.requireNonNull(region, "region");
        }

        @Override
        public String label() {
            return "AWS " + (account != null ? account : "profile " + (profile == null ? "default" : profile)) + "/" + region;
        }

        @Override
        public List<WriteTarget> parts() {
            return List.of(this);
        }

        @Override
        public Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            if (account != null) {
                fields.put("account", account);
            }
            if (profile != null) {
                fields.put("profile", profile);
            }
            fields.put("region", region);
            return fields;
        }

        /**
         * Same region, and same account when both know theirs: a failover recorded while STS was unreachable
         * (no account) is still found from a pipeline that knows its account, and the other way round.
         */
        @Override
        public boolean sameAs(WriteTarget other) {
            return other instanceof AwsRegion o && region.equals(o.region)
                    && (account == null || o.account == null ? Objects.equals(profile, o.profile) || profile == null
                    || o.profile == null : account.equals(o.account));
        }

        @Override
        public String toString() {
            return label();
        }
    }

    /** A Google Cloud project in one region (Cloud Run services' traffic). */
    record GcpRegion(String project, String region) implements WriteTarget {
        public GcpRegion {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(region, "region");
        }

        @Override
        public String label() {
            return "Google Cloud " + project + "/" + region;
        }

        @Override
        public List<WriteTarget> parts() {
            return List.of(this);
        }

        @Override
        public Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("project", project);
            fields.put("region", region);
            return fields;
        }

        @Override
        public boolean sameAs(WriteTarget other) {
            return equals(other);
        }

        @Override
        public String toString() {
            return label();
        }
    }

    /** A kube context and an AWS region written as one change set (a Lambda function failed over to the mesh). */
    record Combined(List<WriteTarget> parts) implements WriteTarget {
        public Combined {
            parts = List.copyOf(parts);
        }

        @Override
        public String label() {
            return parts.stream().map(WriteTarget::label).collect(Collectors.joining(" + "));
        }

        @Override
        public Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            parts.forEach(p -> fields.putAll(p.fields()));
            return fields;
        }

        @Override
        public boolean sameAs(WriteTarget other) {
            return reaches(other) && other.reaches(this);
        }

        @Override
        public String toString() {
            return label();
        }
    }
}
