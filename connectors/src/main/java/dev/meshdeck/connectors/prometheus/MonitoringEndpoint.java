package dev.meshdeck.connectors.prometheus;

import java.io.IOException;
import java.util.Optional;

/**
 * An HTTP API of the monitoring stack (Alertmanager's), reached at a URL or as a Service through the API server's
 * proxy with the context's credentials. Paths are relative to the API's base ({@code api/v2/alerts}).
 */
public sealed interface MonitoringEndpoint permits DirectEndpoint, ApiServerProxyEndpoint {

    /** An answer as received: its status and body. */
    record Reply(int status, String body) {
    }

    /**
     * @param method GET, POST or DELETE
     * @param json   the request's JSON body, if any
     * @throws IOException when nothing answered (refused, timed out, interrupted)
     */
    Reply send(String method, String path, Optional<String> json) throws IOException;

    /** Where requests go, for messages. Never holds a secret. */
    String describe();
}
