package dev.meshdeck.core.validation.rules.webhook;

import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.List;

/** The objects of Istio's networking API the webhook rules judge: those read from files (candidates). */
public final class NetworkingObjects {

    private NetworkingObjects() {
    }

    /** Candidates of {@code kind} in networking.istio.io; a missing spec reads as an empty one, as istiod reads it. */
    public static List<Resource> candidates(ValidationContext context, String kind) {
        return context.ofKind(kind).stream()
                .filter(r -> r.candidate() && r.group().equals("networking.istio.io"))
                .toList();
    }
}
