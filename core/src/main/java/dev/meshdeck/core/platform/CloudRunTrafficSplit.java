package dev.meshdeck.core.platform;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.inventory.TrafficShare;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Cloud Run service's traffic targets (MeshDeck's {@code CloudRunService} form): each names a revision, or the
 * latest ready one ({@value #LATEST}), with a percent and an optional tag. The slider moves the candidate's percent
 * and gives the difference to the stable target (the largest other); tags and the other targets stay as they are.
 */
public record CloudRunTrafficSplit(List<Target> targets, int candidateIndex, int stableIndex) implements TrafficSplit {

    /** How the slider names a target without a revision: Cloud Run's latest ready revision. */
    public static final String LATEST = "LATEST";
    public static final String TYPE_REVISION = "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION";
    public static final String TYPE_LATEST = "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST";

    /** One traffic target: {@code revision} is empty for the latest revision. */
    public record Target(String type, String revision, int percent, String tag) {
        public Target {
            revision = revision == null ? "" : revision;
            tag = tag == null ? "" : tag;
        }

        public String version() {
            return TYPE_LATEST.equals(type) ? LATEST : revision;
        }

        Target withPercent(int next) {
            return new Target(type, revision, next, tag);
        }

        /** Appends it to a {@code spec.traffic} list as Cloud Run stores it: no empty revision or tag. */
        public void addTo(ArrayNode traffic) {
            ObjectNode target = traffic.addObject().put("type", type);
            if (!revision.isEmpty()) {
                target.put("revision", revision);
            }
            target.put("percent", percent);
            if (!tag.isEmpty()) {
                target.put("tag", tag);
            }
        }
    }

    public CloudRunTrafficSplit {
        targets = List.copyOf(targets);
    }

    /**
     * @param candidate the revision to roll out ({@value #LATEST} for the latest), or null for the target with the
     *                  smallest share; a revision without a target gets one at 0%
     * @throws IllegalArgumentException when there is nothing to split (one target and no candidate named)
     */
    public static CloudRunTrafficSplit of(List<Target> targets, String candidate) {
        List<Target> all = new ArrayList<>(targets);
        int index = -1;
        for (int i = 0; i < all.size(); i++) {
            if (candidate != null ? all.get(i).version().equals(candidate)
                    : index < 0 || all.get(i).percent() <= all.get(index).percent()) {
                index = i;
            }
        }
        if (candidate != null && index < 0) {
            all.add(LATEST.equals(candidate) ? new Target(TYPE_LATEST, "", 0, "") : new Target(TYPE_REVISION, candidate, 0, ""));
            index = all.size() - 1;
        }
        if (all.size() < 2) {
            throw new IllegalArgumentException("the service sends all traffic to "
                    + (all.isEmpty() ? "its latest revision" : all.get(0).version()) + "; name the candidate revision");
        }
        int stable = -1;
        for (int i = 0; i < all.size(); i++) {
            if (i != index && (stable < 0 || all.get(i).percent() > all.get(stable).percent())) {
                stable = i;
            }
        }
        return new CloudRunTrafficSplit(all, index, stable);
    }

    @Override
    public List<TrafficShare> shares() {
        return targets.stream().map(t -> new TrafficShare(t.version(), t.percent())).toList();
    }

    @Override
    public String stable() {
        return targets.get(stableIndex).version();
    }

    @Override
    public String candidate() {
        return targets.get(candidateIndex).version();
    }

    @Override
    public double candidatePercent() {
        return targets.get(candidateIndex).percent();
    }

    /** @throws IllegalArgumentException when the other targets already hold more than {@code 100 - percent} */
    @Override
    public CloudRunTrafficSplit withCandidatePercent(int percent) {
        int others = 0;
        for (int i = 0; i < targets.size(); i++) {
            others += i == candidateIndex || i == stableIndex ? 0 : targets.get(i).percent();
        }
        int stablePercent = 100 - percent - others;
        if (stablePercent < 0) {
            throw new IllegalArgumentException("the other traffic targets hold " + others + "%: the candidate can take"
                    + " at most " + (100 - others) + "%");
        }
        List<Target> next = new ArrayList<>(targets);
        next.set(candidateIndex, targets.get(candidateIndex).withPercent(percent));
        next.set(stableIndex, targets.get(stableIndex).withPercent(stablePercent));
        return new CloudRunTrafficSplit(next, candidateIndex, stableIndex);
    }

    /** Nothing for the Kubernetes API: the service's traffic is written through Cloud Run's Admin API. */
    @Override
    public Optional<HasMetadata> resource() {
        return Optional.empty();
    }
}
