package dev.meshdeck.core.platform;

import io.fabric8.knative.serving.v1.TrafficTarget;

/**
 * One entry of a Knative Service's {@code spec.traffic}: a pinned revision or the latest ready one.
 *
 * @param revisionName null when {@code latestRevision} is true
 * @param tag          optional; gives the target its own URL ({@code tag-service.ns...})
 */
public record KnativeTrafficTarget(String revisionName, boolean latestRevision, int percent, String tag) {

    /** How the target is named in the UI when it follows the latest revision. */
    public static final String LATEST = "@latest";

    public KnativeTrafficTarget {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("Knative traffic percent " + percent + " is outside 0-100");
        }
        if (latestRevision == (revisionName != null)) {
            throw new IllegalArgumentException("a Knative traffic target names a revision or follows the latest one, not both");
        }
    }

    public static KnativeTrafficTarget revision(String revisionName, int percent) {
        return new KnativeTrafficTarget(revisionName, false, percent, null);
    }

    public static KnativeTrafficTarget latest(int percent) {
        return new KnativeTrafficTarget(null, true, percent, null);
    }

    public KnativeTrafficTarget withTag(String newTag) {
        return new KnativeTrafficTarget(revisionName, latestRevision, percent, newTag);
    }

    public KnativeTrafficTarget withPercent(int newPercent) {
        return new KnativeTrafficTarget(revisionName, latestRevision, newPercent, tag);
    }

    public String label() {
        return latestRevision ? LATEST : revisionName;
    }

    public static KnativeTrafficTarget from(TrafficTarget t) {
        boolean latest = Boolean.TRUE.equals(t.getLatestRevision()) || t.getRevisionName() == null;
        return new KnativeTrafficTarget(latest ? null : t.getRevisionName(), latest,
                t.getPercent() == null ? 0 : t.getPercent().intValue(), t.getTag());
    }
}
