package dev.meshdeck.connectors.gcp;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Which Google Cloud projects and regions to scan for Cloud Run, and where the Admin API is. Holds no
 * credential: the client asks Application Default Credentials when it connects, except on a loopback endpoint
 * (the sandbox), which is called without any.
 *
 * @param endpoint the Admin API's URL when redirected ({@code MESHDECK_CLOUDRUN_ENDPOINT}), else Google's own
 */
public record GcpSettings(Optional<URI> endpoint, List<String> projects, List<String> regions) {

    public GcpSettings {
        projects = List.copyOf(projects);
        regions = List.copyOf(regions);
    }

    /** Whether the endpoint is this machine: no Google credentials are asked for or sent there. */
    public boolean loopback() {
        return endpoint.map(URI::getHost).filter(h -> h.equals("127.0.0.1") || h.equals("localhost")).isPresent();
    }
}
