package dev.meshdeck.app.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where a canary's function lives, where its figures come from, and whether production may be written. */
final class CanaryOptions {

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Option(names = "--prometheus", paramLabel = "URL",
            description = "Prometheus scraping the mesh (Istio's series). Default: the cluster's istio-system/prometheus"
                    + " through the API server, or the Istio metrics endpoint below.")
    String prometheus;

    @Option(names = "--istio-metrics", paramLabel = "URL", defaultValue = "${env:MESHDECK_ISTIO_METRICS_URL}",
            description = "Read Istio's cumulative series straight from this endpoint instead of a Prometheus (the"
                    + " sandbox exports its own as $MESHDECK_ISTIO_METRICS_URL).")
    String istioMetrics;

    @Option(names = "--arm-production", description = "Allow writing to a production target for this run.")
    boolean armProduction;
}
