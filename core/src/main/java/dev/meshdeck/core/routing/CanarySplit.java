package dev.meshdeck.core.routing;

import java.util.List;

/**
 * Traffic between a stable version and a candidate. The candidate's weight is the one number an SRE moves;
 * the stable version always gets the rest, so the total is 100 by construction.
 */
public record CanarySplit(Destination stable, Destination candidate, int candidateWeight) {

    public CanarySplit {
        if (candidateWeight < 0 || candidateWeight > 100) {
            throw new IllegalArgumentException("candidate weight " + candidateWeight + " is outside 0-100");
        }
        if (stable.equals(candidate)) {
            throw new IllegalArgumentException("stable and candidate are the same destination " + stable.label());
        }
    }

    /** A fresh canary: everything still on stable. */
    public static CanarySplit start(Destination stable, Destination candidate) {
        return new CanarySplit(stable, candidate, 0);
    }

    /** Reads a two-destination split; the first destination is taken as stable. */
    public static CanarySplit from(WeightSplit split) {
        if (split.destinations().size() != 2) {
            throw new IllegalArgumentException("a canary has exactly two destinations; this route has "
                    + split.destinations().size());
        }
        return new CanarySplit(split.targets().get(0), split.targets().get(1), split.weightOf(1));
    }

    public int stableWeight() {
        return 100 - candidateWeight;
    }

    public CanarySplit withCandidateWeight(int weight) {
        return new CanarySplit(stable, candidate, weight);
    }

    /** Moves {@code points} towards the candidate (negative: back to stable), clamped to 0-100. */
    public CanarySplit shiftBy(int points) {
        return withCandidateWeight(Math.max(0, Math.min(100, candidateWeight + points)));
    }

    /** The next step of a progressive rollout: the first planned weight above the current one, or promotion. */
    public CanarySplit nextStep(List<Integer> plannedWeights) {
        return plannedWeights.stream().filter(w -> w > candidateWeight).sorted().findFirst()
                .map(this::withCandidateWeight).orElseGet(this::promote);
    }

    /** All traffic to the candidate. */
    public CanarySplit promote() {
        return withCandidateWeight(100);
    }

    /** All traffic back to stable. */
    public CanarySplit rollback() {
        return withCandidateWeight(0);
    }

    public boolean promoted() {
        return candidateWeight == 100;
    }

    public boolean rolledBack() {
        return candidateWeight == 0;
    }

    public WeightSplit toWeightSplit() {
        return new WeightSplit(List.of(new WeightedDestination(stable, stableWeight()),
                new WeightedDestination(candidate, candidateWeight)));
    }
}
