package dev.meshdeck.core.inventory;

import java.util.Map;

/** What a Cloud Run service's labels say about it. */
public final class CloudRunLabels {

    /** Google's label on resources a Google product deploys for the user. */
    public static final String MANAGED_BY = "goog-managed-by";
    /** Its value on the Cloud Run service a Cloud Functions (2nd gen) function runs as. */
    public static final String CLOUD_FUNCTIONS = "cloudfunctions";

    private CloudRunLabels() {
    }

    /** Whether the service is a Cloud Functions (2nd gen) function, deployed and managed by Cloud Functions. */
    public static boolean isCloudFunction(Map<String, String> labels) {
        return CLOUD_FUNCTIONS.equals(labels.get(MANAGED_BY));
    }
}
