package dev.meshdeck.connectors.aws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFileSystemSetting;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where and as whom Lambda discovery runs. Credentials are never held here: they are resolved by the SDK from
 * the named profile (SSO, credential_process, static keys) or the default chain, except the sandbox's
 * throwaway pair.
 *
 * @param profile      named profile from ~/.aws/config, or null for the SDK default chain (AWS_PROFILE, env, ...)
 * @param regions      regions scanned in parallel
 * @param endpoint     explicit endpoint for Lambda, CloudWatch and STS, or null: the SDK then honours
 *                     AWS_ENDPOINT_URL_LAMBDA, AWS_ENDPOINT_URL_CLOUDWATCH, AWS_ENDPOINT_URL_STS or AWS_ENDPOINT_URL
 *                     (and the aws.endpointUrlLambda, ... system properties)
 * @param timeout      limit for one API call including retries
 * @param pollInterval how often live discovery lists again
 * @param sandbox      true to sign with throwaway credentials (the local control plane ignores signatures)
 */
public record AwsSettings(String profile, List<String> regions, URI endpoint, Duration timeout, Duration pollInterval,
                          boolean sandbox) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);

    public AwsSettings {
        regions = List.copyOf(regions);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("AWS settings need at least one region to scan");
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
    }

    /** The SDK default credential chain (env, AWS_PROFILE, ~/.aws files, SSO, container/instance roles). */
    public static AwsSettings defaultChain(List<String> regions) {
        return new AwsSettings(null, regions, null, null, null, false);
    }

    /** A named profile of ~/.aws/config (or the file named by AWS_CONFIG_FILE / aws.configFile). */
    public static AwsSettings forProfile(String profile, List<String> regions) {
        return new AwsSettings(profile, regions, null, null, null, false);
    }

    /** The embedded Lambda control plane at {@code endpoint}. */
    public static AwsSettings sandbox(URI endpoint, List<String> regions) {
        return new AwsSettings(null, regions, endpoint, null, null, true);
    }

    public AwsSettings withEndpoint(URI newEndpoint) {
        return new AwsSettings(profile, regions, newEndpoint, timeout, pollInterval, sandbox);
    }

    public AwsSettings withTimeout(Duration newTimeout) {
        return new AwsSettings(profile, regions, endpoint, newTimeout, pollInterval, sandbox);
    }

    public AwsSettings withPollInterval(Duration newInterval) {
        return new AwsSettings(profile, regions, endpoint, timeout, newInterval, sandbox);
    }

    /** The profile the SDK will use, for messages: the named one, else AWS_PROFILE / aws.profile, else "default". */
    public String effectiveProfile() {
        if (profile != null) {
            return profile;
        }
        return ProfileFileSystemSetting.AWS_PROFILE.getStringValue().orElse("default");
    }

    /** Throwaway credentials for the sandbox; empty means "let the SDK resolve them". */
    Optional<AwsCredentialsProvider> sandboxCredentials() {
        return sandbox
                ? Optional.of(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDMESHDECKSANDBOX", "sandbox")))
                : Optional.empty();
    }

    /**
     * The endpoint a service client will call, as the SDK chooses it: explicit override, then the service's own
     * setting (e.g. aws.endpointUrlLambda / AWS_ENDPOINT_URL_LAMBDA), then the global one; empty means AWS itself.
     */
    Optional<URI> configuredEndpoint(String serviceId) {
        if (endpoint != null) {
            return Optional.of(endpoint);
        }
        return serviceEndpoint(serviceId).or(() -> setting("aws.endpointUrl", "AWS_ENDPOINT_URL")).map(URI::create);
    }

    /** True when Lambda is pointed somewhere else while STS would still go to AWS: its account would not match. */
    boolean lambdaRedirectedWithoutSts() {
        return endpoint == null && serviceEndpoint("Lambda").isPresent() && serviceEndpoint("Sts").isEmpty();
    }

    /** Where {@code service} of {@code region} is, for messages. */
    String endpointLabel(AwsService service, String region) {
        return configuredEndpoint(service.serviceId()).map(URI::toString).orElse(service.defaultEndpoint(region));
    }

    private static Optional<String> serviceEndpoint(String serviceId) {
        return setting("aws.endpointUrl" + serviceId, "AWS_ENDPOINT_URL_" + serviceId.toUpperCase(Locale.ROOT));
    }

    private static Optional<String> setting(String property, String variable) {
        return Optional.ofNullable(System.getProperty(property))
                .or(() -> Optional.ofNullable(System.getenv(variable)))
                .filter(v -> !v.isBlank());
    }
}
