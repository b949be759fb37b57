package dev.meshdeck.sandbox.kube;

/**
 * What listens behind a sandbox Service, answering requests the API server's service proxy forwards to it
 * (the sandbox's Prometheus HTTP API behind {@code istio-system/prometheus}).
 */
@FunctionalInterface
public interface ServiceBackend {

    /** An HTTP answer. */
    record Reply(int status, String contentType, String body) {
    }

    /**
     * @param pathAndQuery the request's path after {@code /proxy/}, with its query, e.g. {@code api/v1/query?query=up}
     */
    Reply answer(String pathAndQuery);
}
