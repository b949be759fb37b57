package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.workloads.FunctionEvent;
import dev.meshdeck.core.workloads.FunctionPod;
import dev.meshdeck.core.workloads.PodDetails;
import dev.meshdeck.core.workloads.ServiceEndpoints;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A function's pods as {@link FunctionPod} rows and its objects' events as {@link FunctionEvent}s: what `kubectl
 * get pods`, `describe pod` and `get events` would say of them.
 */
final class FunctionPods {

    private static final String SIDECAR = "istio-proxy";

    private FunctionPods() {
    }

    static FunctionPod of(Pod pod) {
        PodStatus status = pod.getStatus() != null ? pod.getStatus() : new PodStatus();
        List<ContainerStatus> containers = status.getContainerStatuses() != null ? status.getContainerStatuses() : List.of();
        int declared = pod.getSpec() != null && pod.getSpec().getContainers() != null ? pod.getSpec().getContainers().size() : 0;
        int ready = (int) containers.stream().filter(c -> Boolean.TRUE.equals(c.getReady())).count();
        int restarts = containers.stream().mapToInt(c -> c.getRestartCount() == null ? 0 : c.getRestartCount()).sum();
        return new FunctionPod(pod.getMetadata().getNamespace(), pod.getMetadata().getName(), version(pod),
                status.getPhase() != null ? status.getPhase() : "Unknown", ready, Math.max(declared, containers.size()),
                restarts, reason(status, containers), pod.getSpec() != null && pod.getSpec().getNodeName() != null
                        ? pod.getSpec().getNodeName() : "",
                status.getPodIP() != null ? status.getPodIP() : "", instant(status.getStartTime()), sidecarVersion(pod),
                details(pod, status, containers));
    }

    private static PodDetails details(Pod pod, PodStatus status, List<ContainerStatus> containers) {
        List<PodDetails.Condition> conditions = status.getConditions() == null ? List.of() : status.getConditions().stream()
                .map(c -> new PodDetails.Condition(orEmpty(c.getType()), orEmpty(c.getStatus()), orEmpty(c.getReason())))
                .toList();
        return new PodDetails(Labels.of(pod), conditions, containers.stream().map(FunctionPods::container).toList());
    }

    private static PodDetails.Container container(ContainerStatus c) {
        ContainerState state = c.getState() != null ? c.getState() : new ContainerState();
        String name = state.getWaiting() != null ? "Waiting" : state.getRunning() != null ? "Running"
                : state.getTerminated() != null ? "Terminated" : "";
        String reason = state.getWaiting() != null ? orEmpty(state.getWaiting().getReason())
                : state.getTerminated() != null ? orEmpty(state.getTerminated().getReason()) : "";
        Optional<Integer> exitCode = Optional.ofNullable(state.getTerminated()).map(ContainerStateTerminated::getExitCode);
        Optional<PodDetails.Termination> last = Optional.ofNullable(c.getLastState()).map(ContainerState::getTerminated)
                .map(t -> new PodDetails.Termination(orEmpty(t.getReason()), t.getExitCode() == null ? 0 : t.getExitCode()));
        return new PodDetails.Container(orEmpty(c.getName()), orEmpty(c.getImage()), name, reason, exitCode, last,
                c.getRestartCount() == null ? 0 : c.getRestartCount(), Boolean.TRUE.equals(c.getReady()));
    }

    private static String orEmpty(String value) {
        return value != null ? value : "";
    }

    /** The Endpoints' addresses, ready and not ready, each with the pod its targetRef names and its subset's ports. */
    static ServiceEndpoints endpoints(Endpoints endpoints) {
        List<ServiceEndpoints.Address> ready = new ArrayList<>();
        List<ServiceEndpoints.Address> notReady = new ArrayList<>();
        for (EndpointSubset subset : endpoints.getSubsets() != null ? endpoints.getSubsets() : List.<EndpointSubset>of()) {
            List<Integer> ports = subset.getPorts() == null ? List.of()
                    : subset.getPorts().stream().map(EndpointPort::getPort).filter(Objects::nonNull).toList();
            addresses(subset.getAddresses(), ports, ready);
            addresses(subset.getNotReadyAddresses(), ports, notReady);
        }
        return new ServiceEndpoints(endpoints.getMetadata().getNamespace(), endpoints.getMetadata().getName(), ready, notReady);
    }

    private static void addresses(List<EndpointAddress> addresses, List<Integer> ports, List<ServiceEndpoints.Address> into) {
        for (EndpointAddress a : addresses != null ? addresses : List.<EndpointAddress>of()) {
            String pod = a.getTargetRef() != null && "Pod".equals(a.getTargetRef().getKind()) && a.getTargetRef().getName() != null
                    ? a.getTargetRef().getName() : "";
            into.add(new ServiceEndpoints.Address(a.getIp() != null ? a.getIp() : "", pod, ports));
        }
    }

    /** The event if it is about one of {@code objects} ("Kind name" of the function's own objects and pods). */
    static Optional<FunctionEvent> event(Event e, Set<String> objects) {
        if (e.getInvolvedObject() == null) {
            return Optional.empty();
        }
        String object = e.getInvolvedObject().getKind() + " " + e.getInvolvedObject().getName();
        if (!objects.contains(object)) {
            return Optional.empty();
        }
        String last = e.getLastTimestamp() != null ? e.getLastTimestamp() : e.getEventTime() != null
                ? e.getEventTime().getTime() : null;
        return Optional.of(new FunctionEvent("Warning".equals(e.getType()), e.getReason() == null ? "" : e.getReason(),
                e.getMessage() == null ? "" : e.getMessage(), object, e.getCount() == null ? 1 : e.getCount(), instant(last)));
    }

    /** The version label the function's routing uses, else Knative's revision label. */
    private static String version(Pod pod) {
        Map<String, String> labels = Labels.of(pod);
        String version = labels.get("version");
        if (version == null) {
            version = labels.get("serving.knative.dev/revision");
        }
        return version != null ? version : "";
    }

    /** What keeps it from serving, most telling first: a waiting container, then the last termination, then the pod. */
    private static String reason(PodStatus status, List<ContainerStatus> containers) {
        for (ContainerStatus c : containers) {
            if (c.getState() != null && c.getState().getWaiting() != null && c.getState().getWaiting().getReason() != null) {
                return c.getState().getWaiting().getReason();
            }
        }
        for (ContainerStatus c : containers) {
            if (c.getLastState() != null && c.getLastState().getTerminated() != null
                    && c.getLastState().getTerminated().getReason() != null) {
                return c.getLastState().getTerminated().getReason();
            }
        }
        return status.getReason() != null ? status.getReason() : "";
    }

    private static Optional<String> sidecarVersion(Pod pod) {
        if (pod.getSpec() == null || pod.getSpec().getContainers() == null) {
            return Optional.empty();
        }
        return pod.getSpec().getContainers().stream().filter(c -> SIDECAR.equals(c.getName())).findFirst()
                .map(c -> c.getImage() == null ? "" : c.getImage())
                .map(image -> image.lastIndexOf(':') > image.lastIndexOf('/') ? image.substring(image.lastIndexOf(':') + 1) : "latest");
    }

    private static Optional<Instant> instant(String timestamp) {
        try {
            return timestamp == null ? Optional.empty() : Optional.of(Instant.parse(timestamp));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
