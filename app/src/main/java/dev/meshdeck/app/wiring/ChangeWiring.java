package dev.meshdeck.app.wiring;

import dev.meshdeck.app.cli.ChangeOptions;
import dev.meshdeck.connectors.history.AuditFile;
import dev.meshdeck.connectors.history.DataDirectory;
import dev.meshdeck.connectors.history.H2ChangeHistory;
import dev.meshdeck.connectors.writes.WritePaths;
import dev.meshdeck.core.access.AccessReview;
import dev.meshdeck.core.changes.ApplyOutcome;
import dev.meshdeck.core.changes.ApplyPipeline;
import dev.meshdeck.core.changes.ApplyProgress;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.ApplyTargets;
import dev.meshdeck.core.changes.ProductionArming;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.ClusterGateway;
import dev.meshdeck.core.changes.Plan;
import dev.meshdeck.core.changes.WriteTarget;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.changes.ProductionGuard;
import dev.meshdeck.core.changes.history.HistoryEntry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The apply pipeline of a command or of the window: a gateway to the write target (a kube context and/or a Lambda
 * region) built by {@link WritePaths}, the history and audit log of the data directory, and the production guard.
 */
public final class ChangeWiring implements ApplyTargets.Connection {

    private static final Duration ARMED_FOR = ProductionArming.ARMED_FOR;

    private final ClusterGateway gateway;
    private final ApplyPipeline pipeline;

    /** A pipeline to {@code target} through {@code paths}, recorded in the history of {@code data}. */
    public ChangeWiring(WritePaths paths, WriteTarget target, Path data, ProductionGuard guard) {
        this.gateway = paths.open(target);
        this.pipeline = new ApplyPipeline(gateway, new H2ChangeHistory(data), new AuditFile(data), guard);
    }

    private static ProductionGuard guard(ChangeOptions options) {
        ProductionGuard guard = ProductionGuard.of(options.productionPattern, Clock.systemUTC());
        return options.armProduction ? guard.armedFor(ARMED_FOR) : guard;
    }

    /**
     * A command's pipeline: Kubernetes objects ({@code kube}) to --context, else {@code context}, else the current
     * one; Lambda aliases ({@code lambda}) to --region, else the AWS configuration's first region.
     */
    public static ChangeWiring connect(ChangeOptions options, WritePaths paths, String context, boolean kube, boolean lambda) {
        List<WriteTarget> parts = new ArrayList<>();
        if (kube) {
            parts.add(paths.context(options.context != null ? options.context : context));
        }
        if (lambda) {
            parts.add(paths.region(options.regions.isEmpty() ? null : options.regions.get(0)));
        }
        return new ChangeWiring(paths, WriteTarget.of(parts), DataDirectory.resolve(), guard(options));
    }

    /** The pipeline to {@code target} itself (a Cloud Run service's project and region). */
    public static ChangeWiring to(ChangeOptions options, WritePaths paths, WriteTarget target) {
        return new ChangeWiring(paths, target, DataDirectory.resolve(), guard(options));
    }

    /** The pipeline to where a recorded change set was written (its own context, unless --context says otherwise). */
    public static ChangeWiring forEntry(ChangeOptions options, WritePaths paths, HistoryEntry entry) {
        List<WriteTarget> parts = new ArrayList<>();
        entry.target().context().ifPresent(c -> parts.add(paths.context(options.context != null ? options.context : c)));
        entry.target().aws().ifPresent(a -> parts.add(paths.region(options.regions.isEmpty() ? a.region() : options.regions.get(0))));
        entry.target().gcp().ifPresent(parts::add);
        return new ChangeWiring(paths, WriteTarget.of(parts), DataDirectory.resolve(), guard(options));
    }

    @Override
    public ApplyPipeline pipeline() {
        return pipeline;
    }

    @Override
    public AccessReview access() {
        return gateway.access();
    }

    /** How far a command goes: show the diff, ask the server too, or write. */
    public enum Mode { DIFF, DRY_RUN, APPLY }

    /**
     * What every writing command does with a change set: plan it, print the diff (stdout) and findings (stderr),
     * stop at a refusal or where {@code mode} says, else confirm and apply. Answers the exit code.
     */
    public int apply(CommandSpec spec, ChangeOptions options, ChangeSet changes, ApplyRequest request, Mode mode) {
        ApplyRequest asked = options.why.applyTo(spec, request);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Plan plan = pipeline.plan(changes, asked, progressTo(err));
        out.print(plan.diff());
        out.flush();
        // a refusal prints its errors; what is left to print is every warning, and the errors a --force overrides
        plan.findings().stream().filter(f -> f.severity() != Severity.ERROR || plan.refusal().isEmpty())
                .map(Finding::toCompilerLine).forEach(err::println);
        if (plan.refusal().isPresent()) {
            return report(spec, plan.refusal().get());
        }
        if (asked.forced() && plan.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            err.println("meshdeck " + spec.name() + ": --force: the errors above are overridden (" + asked.reason() + ")");
        }
        String target = pipeline.gateway().target().label();
        if (mode == Mode.DIFF) {
            return 0;
        }
        if (mode == Mode.DRY_RUN) {
            err.println("meshdeck " + spec.name() + ": dry run: " + target + " accepts " + changes.summary()
                    + "; nothing was written");
            return 0;
        }
        Optional<Integer> refused = refuseWithoutConsent(spec, options,
                (asked.reason().isEmpty() ? "Apply " : asked.reason() + ": apply ") + changes.size()
                        + " change(s) to " + target + "?");
        if (refused.isPresent()) {
            return refused.get();
        }
        return report(spec, pipeline.apply(plan, asked, progressTo(err)));
    }

    /** Each step on stderr, as it happens. */
    static ApplyProgress progressTo(PrintWriter err) {
        return step -> {
            if (step.phase() == ApplyProgress.Phase.WRITE || step.phase() == ApplyProgress.Phase.RESTORE) {
                err.println("meshdeck: " + step);
                err.flush();
            }
        };
    }

    /** The answer to "write this?": yes from --yes or the terminal; refused when there is no terminal to ask. */
    enum Consent { GIVEN, DECLINED, NO_TERMINAL }

    static Consent ask(CommandSpec spec, ChangeOptions options, String question) {
        if (options.yes) {
            return Consent.GIVEN;
        }
        if (System.console() == null) {
            return Consent.NO_TERMINAL;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.print(question + " [y/N] ");
        err.flush();
        try {
            String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return answer != null && answer.trim().toLowerCase(java.util.Locale.ROOT).matches("y|yes")
                    ? Consent.GIVEN : Consent.DECLINED;
        } catch (IOException e) {
            return Consent.DECLINED;
        }
    }

    /** Exit code 2 with the reason when consent is missing; empty when the write may go ahead. */
    public static Optional<Integer> refuseWithoutConsent(CommandSpec spec, ChangeOptions options, String question) {
        switch (ask(spec, options, question)) {
            case GIVEN:
                return Optional.empty();
            case NO_TERMINAL:
                spec.commandLine().getErr().println("meshdeck " + spec.name() + ": stdin is not a terminal, so nobody can"
                        + " confirm; pass --yes to write without asking (nothing was written)");
                return Optional.of(CommandLine.ExitCode.USAGE);
            default:
                spec.commandLine().getErr().println("meshdeck " + spec.name() + ": not confirmed; nothing was written");
                return Optional.of(1);
        }
    }

    /** Prints the outcome and answers the exit code: 0 applied, 1 anything else. */
    static int report(CommandSpec spec, ApplyOutcome outcome) {
        PrintWriter stream = outcome.applied() ? spec.commandLine().getOut() : spec.commandLine().getErr();
        stream.println("meshdeck " + spec.name() + ": " + outcome.summary());
        stream.flush();
        return outcome.applied() ? 0 : 1;
    }

    @Override
    public void close() {
        WritePaths.close(gateway);
    }
}
