package dev.meshdeck.core.validation.rules.knative;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.ArrayList;
import java.util.List;

/** The candidate Knative Services and Routes ({@code serving.knative.dev}) that list {@code spec.traffic} targets. */
final class KnativeTraffic {

    static final String GROUP = "serving.knative.dev";

    private KnativeTraffic() {
    }

    static List<Resource> withTraffic(ValidationContext context) {
        List<Resource> out = new ArrayList<>();
        for (String kind : new String[] {"Service", "Route"}) {
            for (Resource r : context.ofKind(kind)) {
                if (r.candidate() && r.group().equals(GROUP) && r.spec().path("traffic").isArray()
                        && !r.spec().path("traffic").isEmpty()) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** Knative's percent: absent means 0. */
    static long percent(JsonNode target) {
        return target.path("percent").asLong(0);
    }
}
