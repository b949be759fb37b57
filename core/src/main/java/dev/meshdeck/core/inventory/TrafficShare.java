package dev.meshdeck.core.inventory;

/**
 * One version receiving traffic: a Knative revision, an Istio subset or destination, a Lambda version.
 *
 * @param version the revision, subset, host or version number
 * @param percent share of traffic, 0-100
 * @param tag     optional traffic tag or alias name (may be empty)
 */
public record TrafficShare(String version, double percent, String tag) {

    public TrafficShare {
        tag = tag == null ? "" : tag;
    }

    public TrafficShare(String version, double percent) {
        this(version, percent, "");
    }
}
