package dev.meshdeck.views.inventory;

import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.TrafficShare;

import java.util.Comparator;
import java.util.Optional;

/**
 * A canary under way: traffic split between two or more versions, the candidate being the routed version with
 * the smallest share (as the canary slider guesses it). Its share is the rollout's progress towards 100%.
 */
public record Canary(TrafficShare candidate) {

    /** Functions without a canary sort before any canary: ascending puts the least advanced rollout next to them. */
    public static final Comparator<Optional<Canary>> BY_PROGRESS = Comparator.comparingDouble(
            canary -> canary.map(Canary::percent).orElse(-1.0));

    /** The function's canary; empty when all its traffic goes to one version (or no routing is known). */
    public static Optional<Canary> of(ServerlessFunction function) {
        if (!function.hasSplit()) {
            return Optional.empty();
        }
        // on a tie (50/50) the later version is the candidate: versions are listed stable first
        return function.traffic().stream().filter(s -> s.percent() > 0)
                .reduce((smallest, next) -> next.percent() <= smallest.percent() ? next : smallest)
                .map(Canary::new);
    }

    public double percent() {
        return candidate.percent();
    }

    /** How far the rollout is, 0..1, for a progress bar. */
    public double progress() {
        return candidate.percent() / 100;
    }
}
