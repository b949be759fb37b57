package dev.meshdeck.core.workloads;

import java.util.List;

/**
 * The Endpoints of one of a function's Services, as {@code kubectl describe endpoints} shows them: the addresses
 * traffic goes to and those held back because their pod is not ready (a crash-looping pod shows up here).
 */
public record ServiceEndpoints(String namespace, String service, List<Address> ready, List<Address> notReady) {

    public ServiceEndpoints {
        ready = List.copyOf(ready);
        notReady = List.copyOf(notReady);
    }

    /**
     * One address of the Endpoints.
     *
     * @param pod   the pod its targetRef names, "" when it names none
     * @param ports the ports of its subset
     */
    public record Address(String ip, String pod, List<Integer> ports) {

        public Address {
            ports = List.copyOf(ports);
        }
    }

    /** "Service payments/x: 2 ready (pod-a, pod-b), 1 not ready (pod-c)": what the Pods tab and the CLI print. */
    public String describe() {
        return "Service " + namespace + "/" + service + ": " + ready.size() + " ready" + pods(ready)
                + ", " + notReady.size() + " not ready" + pods(notReady);
    }

    private static String pods(List<Address> addresses) {
        return addresses.isEmpty() ? "" : " (" + String.join(", ", addresses.stream()
                .map(a -> a.pod().isEmpty() ? a.ip() : a.pod()).toList()) + ")";
    }
}
