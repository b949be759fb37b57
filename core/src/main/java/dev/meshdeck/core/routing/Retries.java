package dev.meshdeck.core.routing;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRetry;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRetryBuilder;
import java.util.Arrays;
import java.util.List;

/**
 * How often a failed request is retried.
 *
 * @param attempts      retries after the first try; 0 disables retries
 * @param perTryTimeout timeout of each try, null: the route timeout
 * @param retryOn       Envoy retry conditions such as {@code 5xx}, {@code connect-failure}, {@code reset}
 */
public record Retries(int attempts, IstioDuration perTryTimeout, List<String> retryOn) {

    public Retries {
        if (attempts < 0) {
            throw new IllegalArgumentException("retry attempts cannot be negative: " + attempts);
        }
        retryOn = retryOn == null ? List.of() : List.copyOf(retryOn);
    }

    public static Retries none() {
        return new Retries(0, null, List.of());
    }

    public static Retries of(int attempts, IstioDuration perTryTimeout, String... retryOn) {
        return new Retries(attempts, perTryTimeout, List.of(retryOn));
    }

    public HTTPRetry toFabric8() {
        return new HTTPRetryBuilder()
                .withAttempts(attempts)
                .withPerTryTimeout(IstioDuration.format(perTryTimeout))
                .withRetryOn(retryOn.isEmpty() ? null : String.join(",", retryOn))
                .build();
    }

    public static Retries from(HTTPRetry r) {
        if (r == null) {
            return null;
        }
        List<String> on = r.getRetryOn() == null || r.getRetryOn().isBlank() ? List.of()
                : Arrays.stream(r.getRetryOn().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new Retries(r.getAttempts() == null ? 0 : r.getAttempts(), IstioDuration.parse(r.getPerTryTimeout()), on);
    }
}
