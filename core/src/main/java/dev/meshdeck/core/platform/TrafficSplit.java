package dev.meshdeck.core.platform;

import dev.meshdeck.core.inventory.TrafficShare;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/**
 * The one canary slider, whatever the platform: an Istio route, a Knative Service's traffic block or a Lambda
 * alias. The slider sets the candidate's percentage; each platform decides what it writes (weights on
 * VirtualService destinations, Knative {@code percent}s, a Lambda alias weight 0.0-1.0).
 */
public sealed interface TrafficSplit permits IstioRouteSplit, KnativeTrafficSplit, LambdaAliasRouting,
        CloudRunTrafficSplit {

    /** Every version receiving traffic, in the object's order. */
    List<TrafficShare> shares();

    /** The version that keeps the traffic the candidate does not take. */
    String stable();

    /** The version being rolled out. */
    String candidate();

    /** The candidate's share, 0-100 (a Lambda weight may be fractional). */
    double candidatePercent();

    /** Gives the candidate {@code percent} of traffic; the rest stays with the other versions, totalling 100. */
    TrafficSplit withCandidatePercent(int percent);

    default TrafficSplit shiftBy(int points) {
        long next = Math.round(candidatePercent()) + points;
        return withCandidatePercent((int) Math.max(0, Math.min(100, next)));
    }

    default TrafficSplit promote() {
        return withCandidatePercent(100);
    }

    default TrafficSplit rollback() {
        return withCandidatePercent(0);
    }

    /** The Kubernetes object to apply; empty for Lambda, whose alias is updated through the AWS API. */
    Optional<HasMetadata> resource();
}
