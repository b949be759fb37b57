package dev.meshdeck.connectors.prometheus;

/**
 * One version of a mesh function as Istio's destination-reported series name it: in {@code namespace}, the series
 * whose {@code label} is {@code value} — {@code destination_canonical_revision} of the canonical {@code service} for a
 * subset or a Knative revision (a revision name such as v1 is shared by many services), or
 * {@code destination_service_name} for a version with its own host ({@code service} null).
 */
public record IstioVersion(String namespace, String service, String label, String value) {

    static final String SERVICE_LABEL = "destination_canonical_service";

    public static IstioVersion revision(String namespace, String service, String revision) {
        return new IstioVersion(namespace, service, "destination_canonical_revision", revision);
    }

    public static IstioVersion host(String namespace, String host) {
        return new IstioVersion(namespace, null, "destination_service_name", host);
    }

    /** The PromQL selector of its destination-reported series. */
    String selector() {
        return "reporter=\"destination\",destination_service_namespace=\"" + namespace + "\","
                + (service == null ? "" : SERVICE_LABEL + "=\"" + service + "\",") + label + "=\"" + value + "\"";
    }

    /** Whether a series with these labels is one of this version's. */
    boolean matches(java.util.Map<String, String> labels) {
        return namespace.equals(labels.get("destination_service_namespace")) && value.equals(labels.get(label))
                && (service == null || service.equals(labels.get(SERVICE_LABEL)));
    }
}
