package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.FunctionActions;
import dev.meshdeck.core.failover.FailoverPlanner;
import dev.meshdeck.core.failover.FailoverTarget;
import dev.meshdeck.core.failover.FailoverTargets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "failover",
        mixinStandardHelpOptions = true,
        description = {
            "Send 100%% of a function's traffic to a backup, through the apply pipeline (validated, dry-run, confirmed,",
            "recorded; `meshdeck failback` restores exactly the routing before). TARGET is subset:VERSION (another",
            "subset, version host, Knative revision or Lambda version), host:HOST (the function elsewhere, e.g.",
            "host:payment-function.payments-dr.svc.cluster.local), url:https://HOST/ or lambda:FUNCTION[:ALIAS] (an",
            "HTTPS endpoint such as a Lambda function URL, through a ServiceEntry); default: the configured backup",
            "(annotation meshdeck.dev/failover-target). Without --function: every function selected by --namespace,",
            "--selector and --platform, each its own change set, in parallel. A Lambda function fails over to",
            "subset:VERSION (its alias moves) or to host:HOST for its callers in the mesh (a VirtualService on the host",
            "of the ServiceEntry that carries their calls to its function URL, written in that kube context)."
        },
        subcommands = FailoverTargetsCommand.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:failed over", "1:refused, conflict, denied, or (bulk) a function not failed over",
            "2:usage error or no --yes without a terminal"})
final class FailoverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ChangeOptions options = new ChangeOptions();

    @Option(names = "--function", paramLabel = "NAME", description = "The function (see `meshdeck functions`).")
    String function;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "The function's namespace; without --function, fail over every function in it.")
    String namespace;

    @Option(names = "--selector", paramLabel = "LABELS",
            description = "Without --function: only functions with these labels (key=value or key, comma-separated).")
    String selector;

    @Option(names = "--platform", paramLabel = "PLATFORM",
            description = "Without --function: only functions on this platform (knative, openfaas, kubeless, kubernetes, lambda).")
    String platform;

    @Option(names = "--to", paramLabel = "TARGET", description = "Where the traffic goes (see above).")
    String to;

    @Option(names = "--to-backup", description = "Each function's configured backup (the default with --function).")
    boolean toBackup;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "8",
            description = "Bulk: how many functions are written at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Override
    public Integer call() throws InterruptedException {
        if (to != null && toBackup) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --to TARGET or --to-backup, not both");
        }
        if (function == null) {
            if (namespace == null && selector == null && platform == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "name a --function, or select functions with --namespace, --selector or --platform");
            }
            return new BulkFailoverRun(spec, options, new FunctionSelection(namespace, selector, platform), to, parallel).run();
        }
        FailoverTarget given = to == null ? null : FailoverTargetParser.parse(to, options);
        return FunctionActions.planned(spec, options, function, namespace, live ->
                FailoverPlanner.failover(live, given == null ? FailoverTargets.backupOf(live) : given, options.why.reason));
    }
}
