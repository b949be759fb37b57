package dev.meshdeck.sandbox.lambda;

import java.util.List;

/** A consistent snapshot of one function for the metrics simulator. */
record FunctionTraffic(FunctionConfig latest, List<Alias> aliases, Integer reservedConcurrency) {
}
