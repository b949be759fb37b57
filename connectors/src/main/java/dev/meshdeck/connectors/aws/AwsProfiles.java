package dev.meshdeck.connectors.aws;

import dev.meshdeck.core.lambda.AwsProfile;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

import java.util.List;

/** The profiles of ~/.aws/config and ~/.aws/credentials (or AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE), by name. */
public final class AwsProfiles {

    private AwsProfiles() {
    }

    /** Every profile, sorted; empty when the files are absent or unreadable (the picker then offers the default chain). */
    public static List<AwsProfile> list() {
        try {
            return ProfileFile.defaultProfileFile().profiles().values().stream()
                    .map(AwsProfiles::profile)
                    .sorted(java.util.Comparator.comparing(AwsProfile::name))
                    .toList();
        } catch (RuntimeException unreadable) {
            return List.of();
        }
    }

    private static AwsProfile profile(Profile p) {
        String credentials;
        if (p.property("sso_start_url").isPresent() || p.property("sso_session").isPresent()) {
            credentials = "SSO";
        } else if (p.property("credential_process").isPresent()) {
            credentials = "credential_process";
        } else if (p.property("role_arn").isPresent()) {
            credentials = "role";
        } else if (p.property("aws_access_key_id").isPresent()) {
            credentials = "keys";
        } else {
            credentials = "-";
        }
        return new AwsProfile(p.name(), p.property("region").orElse(""), credentials);
    }
}
