package dev.meshdeck.core.workloads;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One pod of a function as an SRE reads it in an incident: which version it runs, whether it is up, how often it
 * restarted and why it last stopped.
 *
 * @param version        the function version the pod runs (its {@code version} label, Knative revision, ...), "" if none
 * @param phase          Pending, Running, Succeeded, Failed or Unknown
 * @param reason         why it is not serving: a waiting container's reason (CrashLoopBackOff, ImagePullBackOff),
 *                       else the last termination's (OOMKilled, Error), else the pod's own; "" when there is none
 * @param started        when the pod started (its age is counted from it); empty before it was scheduled
 * @param sidecarVersion the istio-proxy image tag, empty without a sidecar
 * @param details        labels, conditions and containers, for the describe-like view of one pod
 */
public record FunctionPod(String namespace, String name, String version, String phase, int readyContainers,
                          int containers, int restarts, String reason, String node, String ip,
                          Optional<Instant> started, Optional<String> sidecarVersion,
                          PodDetails details) {

    public boolean ready() {
        return containers > 0 && readyContainers == containers && "Running".equals(phase);
    }

    /** How long it has been up at {@code now}; empty when it has not started. */
    public Optional<Duration> age(Instant now) {
        return started.map(s -> Duration.between(s, now));
    }
}
