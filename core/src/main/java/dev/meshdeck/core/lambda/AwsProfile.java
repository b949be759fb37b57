package dev.meshdeck.core.lambda;

import java.util.Objects;

/**
 * A named profile of the user's AWS configuration, as the profile picker lists it. Never holds a credential.
 *
 * @param region      the profile's region, or empty
 * @param credentials how it gets credentials, in words: "SSO", "credential_process", "role", "keys" or "-"
 */
public record AwsProfile(String name, String region, String credentials) {

    public AwsProfile {
        Objects.requireNonNull(name, "name");
        region = region == null ? "" : region;
        credentials = credentials == null ? "-" : credentials;
    }
}
