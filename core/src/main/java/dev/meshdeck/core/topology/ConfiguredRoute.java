package dev.meshdeck.core.topology;

/**
 * A route out of a function as its routing config states it, before it is resolved to a node.
 *
 * @param host      the destination host as written (short name, FQDN or external host)
 * @param namespace the namespace a short host name resolves in (the VirtualService's)
 * @param version   the destination subset, else the host as written: what the function's traffic shares
 *                  call the version
 * @param weight    percentage of the route's traffic, NaN for a mirror without percentage
 * @param scope     the source (kube context) an in-cluster host resolves in when it is not the function's own:
 *                  a Lambda function's routes are its URL's VirtualService in a cluster; null for its own
 */
public record ConfiguredRoute(String host, String namespace, String version, EdgeKind kind, double weight,
                              String condition, String scope) {
}
