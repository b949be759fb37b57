package dev.meshdeck.core.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The destinations of one route with weights that always total 100. Changing one weight rebalances the
 * others by the rule documented on {@link Percentages}.
 */
public record WeightSplit(List<WeightedDestination> destinations) {

    public WeightSplit {
        destinations = List.copyOf(destinations);
        // validates the total
        new Percentages(destinations.stream().map(WeightedDestination::weight).toList());
    }

    /** All traffic to one destination. */
    public static WeightSplit single(Destination destination) {
        return new WeightSplit(List.of(new WeightedDestination(destination, 100)));
    }

    public static WeightSplit evenly(List<Destination> destinations) {
        return with(destinations, Percentages.evenly(destinations.size()));
    }

    /**
     * The split a live route actually produces: Istio normalises weights that do not total 100 and sends
     * everything to a lone destination without weight.
     */
    public static WeightSplit normalised(List<Destination> destinations, List<Integer> rawWeights) {
        return with(destinations, Percentages.normalised(rawWeights));
    }

    private static WeightSplit with(List<Destination> destinations, Percentages percentages) {
        return new WeightSplit(IntStream.range(0, destinations.size())
                .mapToObj(i -> new WeightedDestination(destinations.get(i), percentages.get(i)))
                .toList());
    }

    public Percentages percentages() {
        return new Percentages(destinations.stream().map(WeightedDestination::weight).toList());
    }

    public List<Destination> targets() {
        return destinations.stream().map(WeightedDestination::destination).toList();
    }

    public int weightOf(int index) {
        return destinations.get(index).weight();
    }

    /** Index of the destination with this subset (or, without subsets, this host); -1 when absent. */
    public int indexOf(String label) {
        for (int i = 0; i < destinations.size(); i++) {
            if (destinations.get(i).destination().label().equals(label)) {
                return i;
            }
        }
        return -1;
    }

    /** Sets one destination's weight; the others share the rest in proportion to their previous weights. */
    public WeightSplit withWeight(int index, int weight) {
        return with(targets(), percentages().set(index, weight));
    }

    public WeightSplit withWeight(String label, int weight) {
        return withWeight(requireIndex(label), weight);
    }

    /** Adds a destination at {@code weight}, taken proportionally from the others. */
    public WeightSplit adding(Destination destination, int weight) {
        List<Destination> targets = new ArrayList<>(targets());
        targets.add(destination);
        return with(targets, percentages().add(weight));
    }

    /** Removes a destination; its weight goes to the others proportionally. */
    public WeightSplit removing(int index) {
        List<Destination> targets = new ArrayList<>(targets());
        targets.remove(index);
        return with(targets, percentages().remove(index));
    }

    private int requireIndex(String label) {
        int index = indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException("no destination '" + label + "' in this route; it has "
                    + targets().stream().map(Destination::label).toList());
        }
        return index;
    }
}
