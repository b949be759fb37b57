package dev.meshdeck.core.authz;

import static dev.meshdeck.core.authz.RequestSource.copy;
import static dev.meshdeck.core.authz.RequestSource.orNull;

import io.fabric8.istio.api.api.security.v1beta1.Condition;
import io.fabric8.istio.api.api.security.v1beta1.ConditionBuilder;
import java.util.List;

/**
 * An extra condition ({@code when}) on a request attribute such as {@code request.auth.claims[groups]} or
 * {@code source.ip}: one of {@code values} must match and none of {@code notValues}.
 */
public record RequestCondition(String key, List<String> values, List<String> notValues) {

    public RequestCondition {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("an authorization condition needs a key, e.g. request.auth.claims[groups]");
        }
        values = copy(values);
        notValues = copy(notValues);
    }

    public static RequestCondition in(String key, String... values) {
        return new RequestCondition(key, List.of(values), List.of());
    }

    public static RequestCondition notIn(String key, String... values) {
        return new RequestCondition(key, List.of(), List.of(values));
    }

    public Condition toFabric8() {
        return new ConditionBuilder().withKey(key).withValues(orNull(values)).withNotValues(orNull(notValues)).build();
    }

    public static RequestCondition from(Condition c) {
        return new RequestCondition(c.getKey(), c.getValues(), c.getNotValues());
    }
}
