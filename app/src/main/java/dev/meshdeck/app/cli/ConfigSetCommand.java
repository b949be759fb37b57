package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.changes.ApplyPipeline;
import dev.meshdeck.core.failover.ConfigChanges;
import dev.meshdeck.core.failover.FunctionChange;
import dev.meshdeck.core.failover.LiveFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Set literal env variables of one container of the function's Deployment (or its Knative Service's",
            "revision template), or remove them: one change set through the apply pipeline (diff, dry run, confirm or --yes,",
            "history; `meshdeck rollback ID` undoes it). The Deployment rolls its pods with the new template. A",
            "credential-looking name (PASSWORD, TOKEN, API_KEY, ...) is refused: keep it in a Secret."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:set", "1:refused, conflict or denied", "2:usage error or no --yes without a terminal"})
final class ConfigSetCommand extends RolloutCommand.Action {

    @Option(names = "--container", paramLabel = "NAME", description = "The container. Default: the template's only one.")
    String container;

    @Parameters(paramLabel = "KEY=VALUE", arity = "0..*", description = "Variables to set (added, or their value replaced).")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(names = "--unset", paramLabel = "KEY", description = "A variable to remove. Repeatable; applied before the sets.")
    List<String> unset = new ArrayList<>();

    @Override
    FunctionChange build(Sources sources, LiveFunction live, ApplyPipeline pipeline) {
        return ConfigChanges.setEnv(live, target.deployment, container, set, unset, options.why.reason);
    }
}
