package dev.meshdeck.sandbox.traffic;

import dev.meshdeck.core.telemetry.ServiceRef;

/**
 * One version that receives a share of the traffic sent to a {@link CallTarget}, named as Istio's telemetry
 * names it.
 *
 * @param destination the canonical service (a Lambda function has an empty namespace)
 * @param serviceHost the host the request was sent to: the Service's short name, or a Lambda function URL host
 * @param version     the canonical revision: version label, Knative revision or Lambda version
 * @param workload    the Deployment (or the Lambda function) that answers
 * @param percent     share of the target's traffic, 0-100
 */
public record RoutedVersion(ServiceRef destination, String serviceHost, String version, String workload, double percent) {

    /** Outside the mesh: only the caller's proxy sees the request. */
    public boolean external() {
        return destination.namespace().isEmpty();
    }

    /** The key of the destination's response profile in the traffic file. */
    String profileKey() {
        return (external() ? "lambda" : destination.namespace()) + "/" + destination.service();
    }
}
