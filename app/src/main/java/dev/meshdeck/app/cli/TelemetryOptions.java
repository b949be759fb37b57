package dev.meshdeck.app.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Where observed traffic comes from: the options shared by the window and `traffic top`. */
public final class TelemetryOptions {

    @Option(names = "--prometheus", paramLabel = "[CONTEXT=]URL",
            description = "Prometheus of a cluster (repeatable), e.g. http://127.0.0.1:9090 or prod=https://prom.example. "
                    + "A bare URL is for the only context (or the sandbox). Other contexts use their "
                    + "istio-system/prometheus Service through the API server proxy.")
    public List<String> prometheus = new ArrayList<>();
}
