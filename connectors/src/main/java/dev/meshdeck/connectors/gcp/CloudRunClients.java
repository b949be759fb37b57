package dev.meshdeck.connectors.gcp;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.longrunning.OperationTimedPollAlgorithm;
import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.run.v2.RevisionsClient;
import com.google.cloud.run.v2.RevisionsSettings;
import com.google.cloud.run.v2.ServicesClient;
import com.google.cloud.run.v2.ServicesSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * The Cloud Run Admin API v2 clients on the HTTP/JSON transport, built once per settings and shared: Application
 * Default Credentials against Google, none against a loopback endpoint.
 */
final class CloudRunClients implements AutoCloseable {

    /**
     * Traffic rolls out in seconds: polling the update's operation from 1 s on (the client's default waits 5 s
     * first) gives the slider its answer as soon as Cloud Run has one.
     */
    private static final RetrySettings POLLING = RetrySettings.newBuilder()
            .setInitialRetryDelayDuration(Duration.ofSeconds(1)).setRetryDelayMultiplier(1.5)
            .setMaxRetryDelayDuration(Duration.ofSeconds(10)).setTotalTimeoutDuration(Duration.ofMinutes(5))
            .setInitialRpcTimeoutDuration(Duration.ZERO).setRpcTimeoutMultiplier(1.0)
            .setMaxRpcTimeoutDuration(Duration.ZERO).build();

    private final ServicesClient services;
    private final RevisionsClient revisions;

    CloudRunClients(GcpSettings settings) {
        try {
            ServicesSettings.Builder s = ServicesSettings.newHttpJsonBuilder();
            RevisionsSettings.Builder r = RevisionsSettings.newHttpJsonBuilder();
            settings.endpoint().ifPresent(e -> {
                s.setEndpoint(e.toString());
                r.setEndpoint(e.toString());
            });
            if (settings.loopback()) {
                s.setCredentialsProvider(NoCredentialsProvider.create());
                r.setCredentialsProvider(NoCredentialsProvider.create());
            }
            s.updateServiceOperationSettings().setPollingAlgorithm(OperationTimedPollAlgorithm.create(POLLING));
            this.services = ServicesClient.create(s.build());
            this.revisions = RevisionsClient.create(r.build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Cloud Run client: " + e.getMessage(), e);
        }
    }

    ServicesClient services() {
        return services;
    }

    RevisionsClient revisions() {
        return revisions;
    }

    @Override
    public void close() {
        services.close();
        revisions.close();
    }
}
