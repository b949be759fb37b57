package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.ChangeWiring;
import dev.meshdeck.core.canary.CanaryPlan;
import dev.meshdeck.core.canary.CanaryRun;
import dev.meshdeck.core.canary.CanaryRunner;
import dev.meshdeck.core.canary.NamespacePlan;
import dev.meshdeck.core.canary.Owner;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "start", mixinStandardHelpOptions = true,
        description = {
            "Runs a canary in the foreground: each step writes the candidate's weight as a recorded change set (see",
            "`meshdeck history`) carrying the figures that justified it; after each interval the candidate's traffic is",
            "judged, and the run goes on, watches the step again (a failed check under the threshold), aborts (the",
            "weights from before the run written back) or promotes (all traffic to the candidate; a Knative or Lambda",
            "stable pointer moved). `canary pause|resume|promote|abort` from another terminal steer it. Refused while",
            "another run of the function is active. What is not given comes from the namespace's saved plan",
            "(`meshdeck canary plan set`), else Flagger's defaults."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:promoted", "1:aborted, stopped by a conflict or a failed write, or refused",
            "2:usage error, or no --yes and no terminal"})
final class CanaryStartCommand implements Callable<Integer> {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Mixin
    FunctionOptions target = new FunctionOptions();

    @Option(names = "--candidate", paramLabel = "VERSION",
            description = "The version to roll out (subset or host, revision, Lambda version). Default: the one with the smallest share.")
    String candidate;

    @Mixin
    CanaryPlanOptions planOptions = new CanaryPlanOptions();

    @Mixin
    CanaryOptions options = new CanaryOptions();

    @Option(names = {"-y", "--yes"}, description = "Start without asking (required when stdin is not a terminal).")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try (CanaryConnection c = CanaryConnection.open(options, target.function, target.namespace, candidate)) {
            Optional<CanaryPlan> saved = c.savedPlan();
            CanaryPlan plan = planOptions.plan(spec, saved.orElse(CanaryPlan.defaults()));
            String planSource = planOptions.source(spec, saved.isPresent()
                    ? NamespacePlan.describe(c.function.namespace()) : "defaults");
            String what = c.function.platform().displayName() + " function " + c.function.id().qualifiedName() + ": "
                    + c.candidate + " against " + String.join(", ", c.stable) + " on " + c.target.label();
            ChangeOptions consent = new ChangeOptions();
            consent.yes = yes;
            Optional<Integer> refused = ChangeWiring.refuseWithoutConsent(spec, consent, "Start a canary of " + what + "?");
            if (refused.isPresent()) {
                return refused.get();
            }
            Instant now = CanaryForeground.now();
            String id = c.function.name() + "-" + ID_TIME.format(now);
            spec.commandLine().getOut().println("canary " + id + " of " + what + "; " + CanaryText.plan(plan)
                    + " (plan: " + planSource + ")");
            try (AutoCloseable beating = CanaryForeground.heartbeat(c.store, id)) {
                CanaryRun run;
                try {
                    run = c.runner.start(id, c.function.name(), c.function.namespace(), c.target, c.resource, c.candidate,
                            plan, planSource, new Owner(CanaryForeground.pid(), now), now);
                } catch (CanaryRunner.Refused e) {
                    err.println("meshdeck canary start: " + e.getMessage() + "; nothing was written");
                    return 1;
                }
                return CanaryForeground.drive(spec, c, run.with(d -> d.step = -1), run);
            }
        } catch (IllegalArgumentException e) {
            err.println("meshdeck canary start: " + e.getMessage());
            return 1;
        }
    }
}
