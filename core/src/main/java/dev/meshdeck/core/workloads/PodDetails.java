package dev.meshdeck.core.workloads;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code kubectl describe pod} adds to a pod's row: its labels, conditions and each container's state.
 *
 * @param conditions as the pod's status lists them (PodScheduled, Initialized, ContainersReady, Ready)
 */
public record PodDetails(Map<String, String> labels, List<Condition> conditions, List<Container> containers) {

    public static final PodDetails NONE = new PodDetails(Map.of(), List.of(), List.of());

    public PodDetails {
        labels = Map.copyOf(labels);
        conditions = List.copyOf(conditions);
        containers = List.copyOf(containers);
    }

    /** A pod condition: its type, True/False/Unknown and why, "" when the pod gives no reason. */
    public record Condition(String type, String status, String reason) {
    }

    /**
     * One container of the pod.
     *
     * @param state           Waiting, Running or Terminated ("" when not reported yet)
     * @param reason          the state's reason (CrashLoopBackOff, Completed...), "" when none
     * @param exitCode        the exit code of a terminated state
     * @param lastTermination the reason and exit code the previous run ended with, empty when it never ended
     */
    public record Container(String name, String image, String state, String reason, Optional<Integer> exitCode,
                            Optional<Termination> lastTermination, int restarts, boolean ready) {
    }

    /** How a container run ended. */
    public record Termination(String reason, int exitCode) {
    }
}
