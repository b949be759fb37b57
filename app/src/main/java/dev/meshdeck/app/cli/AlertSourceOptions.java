package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.AlertSources;
import dev.meshdeck.app.wiring.Sources;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where `alerts` and its subcommands read alerts: URLs, or each context's own Prometheus and Alertmanager. */
final class AlertSourceOptions {

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Option(names = "--prometheus", paramLabel = "[CONTEXT=]URL",
            description = "A Prometheus to read (repeatable), e.g. http://127.0.0.1:9090 or prod=https://prom.example. "
                    + "Default: each context's istio-system/prometheus Service through the API server proxy.")
    List<String> prometheus = new ArrayList<>();

    @Option(names = "--alertmanager", paramLabel = "[CONTEXT=]URL",
            description = "An Alertmanager to read (repeatable), e.g. http://127.0.0.1:9093. Default: each context's "
                    + "alertmanager or alertmanager-main Service in istio-system or monitoring, through the API server proxy.")
    List<String> alertmanager = new ArrayList<>();

    /**
     * Only the URLs when every one is given bare and no context is named (nothing else is asked); else every context's.
     * A value that is not a URL or names no context, or no kubeconfig at all, is a usage error.
     */
    AlertSources open(CommandSpec spec) {
        try {
            if (sources.contexts.isEmpty() && AlertSources.urlsOnly(prometheus, alertmanager)) {
                return AlertSources.ofUrls(prometheus, alertmanager);
            }
            Sources resolved = Sources.resolve(sources, false, false, 0);
            try {
                return AlertSources.ofContexts(resolved, prometheus, alertmanager).closingAlso(resolved);
            } catch (RuntimeException e) {
                resolved.close();
                throw e;
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
