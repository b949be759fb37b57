package dev.meshdeck.core.platform;

import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.routing.Percentages;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceBuilder;
import io.fabric8.knative.serving.v1.TrafficTarget;
import io.fabric8.knative.serving.v1.TrafficTargetBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A canary between Knative revisions. Only the {@code percent} fields change: tags, revision names and
 * latestRevision flags stay as they are; other targets are rebalanced by the {@link Percentages} rule.
 *
 * @param candidate a revision name, or {@link KnativeTrafficTarget#LATEST}
 */
public record KnativeTrafficSplit(Service service, String candidate) implements TrafficSplit {

    public KnativeTrafficSplit {
        if (indexOf(targets(service), candidate) < 0) {
            throw new IllegalArgumentException("Knative Service " + service.getMetadata().getName()
                    + " routes no traffic target to '" + candidate + "'; add the revision to spec.traffic first");
        }
    }

    public List<KnativeTrafficTarget> targets() {
        return targets(service);
    }

    private static List<KnativeTrafficTarget> targets(Service service) {
        List<TrafficTarget> traffic = service.getSpec() == null || service.getSpec().getTraffic() == null
                ? List.of() : service.getSpec().getTraffic();
        if (traffic.isEmpty()) {
            // no traffic block: Knative sends everything to the latest ready revision
            return List.of(KnativeTrafficTarget.latest(100));
        }
        return traffic.stream().map(KnativeTrafficTarget::from).toList();
    }

    private static int indexOf(List<KnativeTrafficTarget> targets, String label) {
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i).label().equals(label)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public List<TrafficShare> shares() {
        return targets().stream().map(t -> new TrafficShare(t.label(), t.percent(), t.tag())).toList();
    }

    @Override
    public String stable() {
        return targets().stream().filter(t -> !t.label().equals(candidate))
                .max(java.util.Comparator.comparingInt(KnativeTrafficTarget::percent))
                .map(KnativeTrafficTarget::label).orElse(candidate);
    }

    @Override
    public double candidatePercent() {
        return targets().get(indexOf(targets(), candidate)).percent();
    }

    @Override
    public KnativeTrafficSplit withCandidatePercent(int percent) {
        List<KnativeTrafficTarget> targets = targets();
        Percentages next = Percentages.normalised(targets.stream().map(KnativeTrafficTarget::percent).toList())
                .set(indexOf(targets, candidate), percent);
        List<TrafficTarget> existing = service.getSpec() == null || service.getSpec().getTraffic() == null
                ? List.of() : service.getSpec().getTraffic();
        List<TrafficTarget> traffic = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            TrafficTargetBuilder b = i < existing.size() ? new TrafficTargetBuilder(existing.get(i))
                    : new TrafficTargetBuilder().withLatestRevision(true);
            traffic.add(b.withPercent((long) next.get(i)).build());
        }
        Service edited = new ServiceBuilder(service).editOrNewSpec().withTraffic(traffic).endSpec().build();
        return new KnativeTrafficSplit(edited, candidate);
    }

    @Override
    public Optional<HasMetadata> resource() {
        return Optional.of(service);
    }
}
