package dev.meshdeck.connectors.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SDK clients of one {@link AwsSettings}: one HTTP client and one credentials provider shared by a Lambda
 * and a CloudWatch client per region and the STS client, with timeouts short enough that a dead endpoint fails in seconds.
 */
final class AwsClients implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final AwsSettings settings;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final Map<String, LambdaClient> lambdas = new ConcurrentHashMap<>();
    private final Map<String, CloudWatchClient> cloudWatches = new ConcurrentHashMap<>();
    private final Map<String, CloudWatchLogsClient> logs = new ConcurrentHashMap<>();
    private volatile StsClient sts;

    AwsClients(AwsSettings settings) {
        this.settings = settings;
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(settings.timeout())
                .build();
        this.credentials = settings.sandboxCredentials().orElseGet(() -> settings.profile() != null
                ? ProfileCredentialsProvider.builder().profileName(settings.profile()).build()
                : DefaultCredentialsProvider.builder().build());
    }

    LambdaClient lambda(String region) {
        return lambdas.computeIfAbsent(region, r -> configure(LambdaClient.builder(), r).build());
    }

    /** CloudWatch of {@code region}: the explicit endpoint, else AWS_ENDPOINT_URL_CLOUDWATCH / AWS_ENDPOINT_URL. */
    CloudWatchClient cloudWatch(String region) {
        return cloudWatches.computeIfAbsent(region, r -> configure(CloudWatchClient.builder(), r).build());
    }

    /** CloudWatch Logs of {@code region}: the explicit endpoint, else AWS_ENDPOINT_URL_CLOUDWATCH_LOGS / AWS_ENDPOINT_URL. */
    CloudWatchLogsClient logs(String region) {
        return logs.computeIfAbsent(region, r -> configure(CloudWatchLogsClient.builder(), r).build());
    }

    AwsSettings settings() {
        return settings;
    }

    /** STS in the first scanned region (GetCallerIdentity answers the same account everywhere). */
    StsClient sts() {
        StsClient client = sts;
        if (client == null) {
            synchronized (this) {
                if (sts == null) {
                    sts = configure(StsClient.builder(), settings.regions().get(0)).build();
                }
                client = sts;
            }
        }
        return client;
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String region) {
        builder.httpClient(http)
                .credentialsProvider(credentials)
                .region(Region.of(region))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(settings.timeout())
                        .applyMutation(o -> {
                            if (settings.profile() != null) {
                                o.defaultProfileName(settings.profile());
                            }
                        })
                        .build());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder;
    }

    @Override
    public void close() {
        lambdas.values().forEach(LambdaClient::close);
        cloudWatches.values().forEach(CloudWatchClient::close);
        logs.values().forEach(CloudWatchLogsClient::close);
        if (sts != null) {
            sts.close();
        }
        if (credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
        http.close();
    }
}
