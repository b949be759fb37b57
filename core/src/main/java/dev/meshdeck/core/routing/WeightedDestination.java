package dev.meshdeck.core.routing;

/** A destination and the percentage of a route's traffic it receives. */
public record WeightedDestination(Destination destination, int weight) {

    public WeightedDestination {
        if (weight < 0 || weight > 100) {
            throw new IllegalArgumentException("weight " + weight + " for " + destination.label() + " is outside 0-100");
        }
    }

    public WeightedDestination withWeight(int newWeight) {
        return new WeightedDestination(destination, newWeight);
    }
}
