package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.ChangeWiring;
import dev.meshdeck.app.wiring.FunctionActions;
import dev.meshdeck.core.changes.ClusterGateway;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.failover.ConfigChanges;
import dev.meshdeck.core.failover.FunctionChange;
import dev.meshdeck.core.failover.LiveFunction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "set-data", mixinStandardHelpOptions = true,
        description = {"Set or remove keys of a ConfigMap's data: one change set through the apply pipeline (diff, dry run,",
            "confirm or --yes, history). Pods read env from a ConfigMap when they start: --restart rolls the Deployments",
            "that read it (envFrom, configMapKeyRef, a volume) in the same change set; without it they are named. A",
            "credential-looking key (PASSWORD, TOKEN, API_KEY, ...) is refused: keep it in a Secret."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:set", "1:refused, conflict, denied or no such ConfigMap", "2:usage error or no --yes without a terminal"})
final class ConfigSetDataCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ChangeOptions options = new ChangeOptions();

    @Option(names = "--configmap", required = true, paramLabel = "NAME", description = "The ConfigMap.")
    String name;

    @Option(names = {"-n", "--namespace"}, required = true, paramLabel = "NS", description = "Its namespace.")
    String namespace;

    @Parameters(paramLabel = "KEY=VALUE", arity = "0..*", description = "Keys to set (added, or their value replaced).")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--unset", paramLabel = "KEY", description = "A key to remove. Repeatable.")
    List<String> unset = new ArrayList<>();

    @Option(names = "--restart", description = "Also restart the Deployments that read the ConfigMap, in the same change set.")
    boolean restart;

    @Override
    public Integer call() {
        return FunctionActions.run(spec, options,
                () -> ChangeWiring.connect(options, options.writePaths(), options.context, true, false),
                pipeline -> change(pipeline.gateway()));
    }

    private FunctionChange change(ClusterGateway gateway) {
        try {
            ConfigChanges.ConfigMapReaders read = ConfigChanges.read(gateway, namespace, name);
            if (!restart && !read.readers().isEmpty()) {
                spec.commandLine().getErr().println("meshdeck config set-data: " + read.readers().stream()
                        .map(LiveFunction::describe).collect(Collectors.joining(", ")) + " read this ConfigMap; env from it"
                        + " changes only when their pods restart: add --restart, or run meshdeck rollout restart");
            }
            return ConfigChanges.setData(read.configMap(), set, unset, restart ? read.readers() : List.of(), Instant.now(),
                    options.why.reason);
        } catch (GatewayException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
