package dev.meshdeck.core.validation.rules.scaling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.JsonPointers;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.OptionalDouble;

/**
 * Knative autoscaling annotations of a revision template that the Knative webhook rejects: a min-scale, max-scale or
 * target that is not a number 0 or more (a target above 0), or a min-scale above a max-scale that bounds it (0 is
 * unbounded).
 */
public final class KnativeScaleBounds implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0712", Severity.ERROR, Category.SCHEMA,
            "Knative min-scale above max-scale, or a scale annotation that is not a number");

    private static final String PREFIX = "autoscaling.knative.dev/";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource svc : context.ofKind("Service")) {
            if (!svc.candidate() || !svc.group().equals("serving.knative.dev")) {
                continue;
            }
            JsonNode annotations = svc.spec().path("template").path("metadata").path("annotations");
            OptionalDouble min = number(svc, annotations, "min-scale", false, findings);
            OptionalDouble max = number(svc, annotations, "max-scale", false, findings);
            number(svc, annotations, "target", true, findings);
            if (min.isPresent() && max.isPresent() && max.getAsDouble() > 0 && min.getAsDouble() > max.getAsDouble()) {
                findings.report(INFO, svc, pointer("min-scale"), "min-scale " + (long) min.getAsDouble() + " is above max-scale "
                        + (long) max.getAsDouble() + ": Knative rejects the revision");
            }
        }
    }

    /** The annotation's number; reported when it is not one (or not above 0 where that is required). */
    private static OptionalDouble number(Resource svc, JsonNode annotations, String name, boolean positive, Findings findings) {
        JsonNode value = annotations.path(PREFIX + name);
        if (value.isMissingNode()) {
            return OptionalDouble.empty();
        }
        try {
            double n = Double.parseDouble(value.asText().trim());
            if (n < 0 || (positive && n <= 0)) {
                throw new NumberFormatException();
            }
            return OptionalDouble.of(n);
        } catch (NumberFormatException e) {
            findings.report(INFO, svc, pointer(name), name + " \"" + value.asText() + "\" is not a number "
                    + (positive ? "above 0" : "0 or more") + ": Knative rejects the revision");
            return OptionalDouble.empty();
        }
    }

    private static String pointer(String name) {
        return "/spec/template/metadata/annotations/" + JsonPointers.token(PREFIX + name);
    }
}
