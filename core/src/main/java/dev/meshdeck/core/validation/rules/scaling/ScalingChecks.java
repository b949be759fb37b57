package dev.meshdeck.core.validation.rules.scaling;

import dev.meshdeck.core.validation.Rule;
import java.util.List;

/** The checks of a function's scaling (requests and limits, HPAs, Knative scale annotations), run by validate and the gate. */
public final class ScalingChecks {

    private ScalingChecks() {
    }

    public static List<Rule> rules() {
        return List.of(new RequestAboveLimit(), new HpaReplicaBounds(), new KnativeScaleBounds());
    }
}
