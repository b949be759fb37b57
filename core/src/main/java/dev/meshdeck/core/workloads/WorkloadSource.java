package dev.meshdeck.core.workloads;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.MeshResource;
import java.util.List;
import java.util.Optional;

/**
 * The pods and events of a function, as `kubectl get pods -l …` and `kubectl get events` show them. Connectors
 * implement it for the platforms that run pods; both reads may block on the network.
 */
public interface WorkloadSource {

    /** Whether the function's pods can be read here (a Kubernetes context; not a Lambda region). */
    boolean covers(FunctionId function);

    /** @throws IllegalStateException with a message for the user when the context cannot be read */
    List<FunctionPod> podsOf(FunctionId function);

    /** Warnings first, then the newest ({@link FunctionEvent#INCIDENT_ORDER}). */
    List<FunctionEvent> eventsOf(FunctionId function);

    /**
     * The Endpoints of the function's Services (those whose addresses point at its pods), ready and not ready;
     * none where the platform has no Endpoints.
     *
     * @throws IllegalStateException with a message for the user when the context cannot be read
     */
    default List<ServiceEndpoints> endpointsOf(FunctionId function) {
        return List.of();
    }

    /**
     * The revisions of the function's Deployments, from their ReplicaSets ({@code kubectl rollout history});
     * none where the platform keeps no ReplicaSets.
     *
     * @throws IllegalStateException with a message for the user when the context cannot be read
     */
    default List<RolloutHistory> revisionsOf(FunctionId function) {
        return List.of();
    }

    /** One of the function's pods as read now (to delete it); empty when it is none of its pods. Blocks on the network. */
    default Optional<MeshResource> podOf(FunctionId function, String podName) {
        return Optional.empty();
    }
}
