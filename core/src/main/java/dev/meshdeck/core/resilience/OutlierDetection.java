package dev.meshdeck.core.resilience;

import dev.meshdeck.core.routing.IstioDuration;
import io.fabric8.istio.api.api.networking.v1alpha3.OutlierDetectionBuilder;
import java.util.List;

/**
 * The circuit breaker's ejection of failing hosts: every field of Istio's {@code outlierDetection}.
 * Null means "not set, Istio's default".
 *
 * @param consecutiveErrors              deprecated by Istio in favour of {@code consecutive5xxErrors}; kept so
 *                                       live objects that still use it survive an edit
 * @param outlierDetectionHttpErrorCodes status codes counted as errors (not in fabric8's model; written as an extra field)
 */
public record OutlierDetection(Integer consecutive5xxErrors, Integer consecutiveGatewayErrors,
                               Integer consecutiveLocalOriginFailures, Integer consecutiveErrors,
                               Boolean splitExternalLocalOriginErrors, IstioDuration interval,
                               IstioDuration baseEjectionTime, Integer maxEjectionPercent, Integer minHealthPercent,
                               List<Integer> outlierDetectionHttpErrorCodes) {

    public OutlierDetection {
        outlierDetectionHttpErrorCodes = outlierDetectionHttpErrorCodes == null ? null : List.copyOf(outlierDetectionHttpErrorCodes);
        checkPercent("maxEjectionPercent", maxEjectionPercent);
        checkPercent("minHealthPercent", minHealthPercent);
    }

    /** The usual circuit breaker: eject a host after N consecutive 5xx, checked every interval. */
    public static OutlierDetection ejectAfter(int consecutive5xxErrors, IstioDuration interval,
                                              IstioDuration baseEjectionTime, int maxEjectionPercent) {
        return new OutlierDetection(consecutive5xxErrors, null, null, null, null, interval, baseEjectionTime,
                maxEjectionPercent, null, null);
    }

    public io.fabric8.istio.api.api.networking.v1alpha3.OutlierDetection toFabric8() {
        OutlierDetectionBuilder b = new OutlierDetectionBuilder()
                .withConsecutive5xxErrors(consecutive5xxErrors)
                .withConsecutiveGatewayErrors(consecutiveGatewayErrors)
                .withConsecutiveLocalOriginFailures(consecutiveLocalOriginFailures)
                .withConsecutiveErrors(consecutiveErrors)
                .withSplitExternalLocalOriginErrors(splitExternalLocalOriginErrors)
                .withInterval(IstioDuration.format(interval))
                .withBaseEjectionTime(IstioDuration.format(baseEjectionTime))
                .withMaxEjectionPercent(maxEjectionPercent)
                .withMinHealthPercent(minHealthPercent);
        if (outlierDetectionHttpErrorCodes != null) {
            b.addToAdditionalProperties("outlierDetectionHttpErrorCodes", outlierDetectionHttpErrorCodes);
        }
        return b.build();
    }

    public static OutlierDetection from(io.fabric8.istio.api.api.networking.v1alpha3.OutlierDetection o) {
        if (o == null) {
            return null;
        }
        List<Integer> codes = null;
        if (o.getAdditionalProperties().get("outlierDetectionHttpErrorCodes") instanceof List<?> list) {
            codes = list.stream().map(c -> ((Number) c).intValue()).toList();
        }
        return new OutlierDetection(o.getConsecutive5xxErrors(), o.getConsecutiveGatewayErrors(),
                o.getConsecutiveLocalOriginFailures(), o.getConsecutiveErrors(), o.getSplitExternalLocalOriginErrors(),
                IstioDuration.parse(o.getInterval()), IstioDuration.parse(o.getBaseEjectionTime()),
                o.getMaxEjectionPercent(), o.getMinHealthPercent(), codes);
    }

    private static void checkPercent(String field, Integer value) {
        if (value != null && (value < 0 || value > 100)) {
            throw new IllegalArgumentException(field + " " + value + " is outside 0-100");
        }
    }
}
