package dev.meshdeck.core.telemetry;

/**
 * Traffic from one node to another. {@code destinationVersion} is Istio's
 * {@code destination_canonical_revision} (or a Lambda version); empty when the figures are summed over versions.
 */
public record EdgeKey(ServiceRef source, ServiceRef destination, String destinationVersion) {

    public EdgeKey {
        destinationVersion = destinationVersion == null ? "" : destinationVersion;
    }

    /** The same edge summed over destination versions. */
    public EdgeKey withoutVersion() {
        return destinationVersion.isEmpty() ? this : new EdgeKey(source, destination, "");
    }
}
