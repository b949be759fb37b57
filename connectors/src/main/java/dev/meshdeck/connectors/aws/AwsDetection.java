package dev.meshdeck.connectors.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Decides whether the user has AWS configured at all, and which regions to scan, the way the AWS CLI would:
 * nothing configured means Lambda is simply not shown, rather than an error on every start.
 */
public final class AwsDetection {

    private AwsDetection() {
    }

    /**
     * Settings for Lambda discovery, or empty when nothing points at AWS (no profile, no keys, no endpoint,
     * no ~/.aws files).
     *
     * @param profile explicit --aws-profile, or null
     * @param regions explicit --region values; when empty, the profile's or environment's region
     * @throws IllegalArgumentException when AWS is configured but no region can be found
     */
    public static Optional<AwsSettings> detect(String profile, List<String> regions) {
        if (profile == null && !configured()) {
            return Optional.empty();
        }
        List<String> scan = regions.isEmpty() ? List.of(defaultRegion(profile)) : regions;
        return Optional.of(profile == null ? AwsSettings.defaultChain(scan) : AwsSettings.forProfile(profile, scan));
    }

    private static boolean configured() {
        // each environment variable with the system property the SDK reads in its place
        String[][] settings = {
            {"AWS_PROFILE", "aws.profile"}, {"AWS_ACCESS_KEY_ID", "aws.accessKeyId"},
            {"AWS_ENDPOINT_URL", "aws.endpointUrl"}, {"AWS_ENDPOINT_URL_LAMBDA", "aws.endpointUrlLambda"},
            {"AWS_WEB_IDENTITY_TOKEN_FILE", "aws.webIdentityTokenFile"},
            {"AWS_CONTAINER_CREDENTIALS_FULL_URI", "aws.containerCredentialsFullUri"}};
        for (String[] setting : settings) {
            if (present(System.getenv(setting[0])) || present(System.getProperty(setting[1]))) {
                return true;
            }
        }
        return exists(ProfileFileSystemSetting.AWS_CONFIG_FILE.getStringValue().orElse(null), ".aws/config")
                || exists(ProfileFileSystemSetting.AWS_SHARED_CREDENTIALS_FILE.getStringValue().orElse(null), ".aws/credentials");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean exists(String configured, String underHome) {
        Path path = configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), underHome);
        return Files.isRegularFile(path);
    }

    private static String defaultRegion(String profile) {
        try {
            return (profile == null ? DefaultAwsRegionProviderChain.builder().build()
                    : new AwsProfileRegionProvider(null, profile)).getRegion().id();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("AWS is configured but no region is set for profile "
                    + (profile == null ? "default" : profile) + ": pass --region, or set AWS_REGION");
        }
    }
}
