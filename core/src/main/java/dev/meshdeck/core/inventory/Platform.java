package dev.meshdeck.core.inventory;

import java.util.Arrays;
import java.util.Locale;

/** The platforms a function can run on. The id is what the CLI prints and accepts. */
public enum Platform {
    KNATIVE("knative", "Knative"),
    OPENFAAS("openfaas", "OpenFaaS"),
    KUBELESS("kubeless", "Kubeless"),
    KUBERNETES("kubernetes", "Kubernetes"),
    LAMBDA("lambda", "AWS Lambda"),
    /** Cloud Run services, Cloud Functions (2nd gen) among them through the service each one runs as. */
    CLOUDRUN("cloudrun", "Cloud Run");

    private final String id;
    private final String displayName;

    Platform(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public static Platform fromId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(p -> p.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown platform '" + id + "'"));
    }

    @Override
    public String toString() {
        return id;
    }
}
