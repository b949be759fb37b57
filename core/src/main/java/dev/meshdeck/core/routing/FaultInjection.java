package dev.meshdeck.core.routing;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjection;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionAbortHttpStatus;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionAbortHttpStatusBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionDelayFixedDelay;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionDelayFixedDelayBuilder;

/** Chaos for one route: delay some requests, abort some others. Either part may be null. */
public record FaultInjection(Delay delay, Abort abort) {

    /** Holds {@code percent} of requests for {@code duration} before forwarding them. */
    public record Delay(IstioDuration duration, double percent) {
        public Delay {
            checkPercent(percent);
        }
    }

    /** Answers {@code percent} of requests with {@code httpStatus} without forwarding them. */
    public record Abort(int httpStatus, double percent) {
        public Abort {
            checkPercent(percent);
            if (httpStatus < 200 || httpStatus > 599) {
                throw new IllegalArgumentException("abort status " + httpStatus + " is not an HTTP status (200-599)");
            }
        }
    }

    public static FaultInjection delay(IstioDuration duration, double percent) {
        return new FaultInjection(new Delay(duration, percent), null);
    }

    public static FaultInjection abort(int httpStatus, double percent) {
        return new FaultInjection(null, new Abort(httpStatus, percent));
    }

    public FaultInjection withDelay(Delay newDelay) {
        return new FaultInjection(newDelay, abort);
    }

    public FaultInjection withAbort(Abort newAbort) {
        return new FaultInjection(delay, newAbort);
    }

    public HTTPFaultInjection toFabric8() {
        HTTPFaultInjectionBuilder b = new HTTPFaultInjectionBuilder();
        if (delay != null) {
            b.withNewDelay()
                    .withHttpDelayType(new HTTPFaultInjectionDelayFixedDelayBuilder()
                            .withFixedDelay(delay.duration().toString()).build())
                    .withNewPercentage(delay.percent())
                    .endDelay();
        }
        if (abort != null) {
            b.withNewAbort()
                    .withErrorType(new HTTPFaultInjectionAbortHttpStatusBuilder().withHttpStatus(abort.httpStatus()).build())
                    .withNewPercentage(abort.percent())
                    .endAbort();
        }
        return b.build();
    }

    /** Null when the route has no fault; fault kinds this model does not edit (gRPC aborts) read as absent. */
    public static FaultInjection from(HTTPFaultInjection f) {
        if (f == null) {
            return null;
        }
        Delay delay = null;
        if (f.getDelay() != null && f.getDelay().getHttpDelayType() instanceof HTTPFaultInjectionDelayFixedDelay fixed) {
            delay = new Delay(IstioDuration.parse(fixed.getFixedDelay()), percent(f.getDelay().getPercentage()));
        }
        Abort abort = null;
        if (f.getAbort() != null && f.getAbort().getErrorType() instanceof HTTPFaultInjectionAbortHttpStatus status) {
            abort = new Abort(status.getHttpStatus(), percent(f.getAbort().getPercentage()));
        }
        return delay == null && abort == null ? null : new FaultInjection(delay, abort);
    }

    private static double percent(io.fabric8.istio.api.api.networking.v1alpha3.Percent p) {
        // Istio applies a fault to every request when no percentage is given
        return p == null || p.getValue() == null ? 100.0 : p.getValue();
    }

    private static void checkPercent(double percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("fault percentage " + percent + " is outside 0-100");
        }
    }
}
