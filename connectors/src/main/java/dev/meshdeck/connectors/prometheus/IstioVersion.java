package dev.meshdeck.connectors.prometheus;

/**
 * One version of a mesh function as Istio's destination-reported series name it: in {@code namespace}, the series
 * whose {@code label} is {@code value} — {@code destination_canonical_revision} for a subset or a Knative revision,
 * {@code destination_service_name} for a version with its own host.
 */
public record IstioVersion(String namespace, String label, String value) {

    public static IstioVersion revision(String namespace, String revision) {
        return new IstioVersion(namespace, "destination_canonical_revision", revision);
    }

    public static IstioVersion host(String namespace, String host) {
        return new IstioVersion(namespace, "destination_service_name", host);
    }

    /** The PromQL selector of its destination-reported series. */
    String selector() {
        return "reporter=\"destination\",destination_service_namespace=\"" + namespace + "\"," + label + "=\"" + value + "\"";
    }
}
