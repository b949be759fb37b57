package dev.meshdeck.app.wiring;

import dev.meshdeck.app.cli.ChangeOptions;
import dev.meshdeck.connectors.aws.AwsDetection;
import dev.meshdeck.connectors.aws.AwsSettings;
import dev.meshdeck.connectors.aws.LambdaAliasGateway;
import dev.meshdeck.connectors.history.AuditFile;
import dev.meshdeck.connectors.history.DataDirectory;
import dev.meshdeck.connectors.history.H2ChangeHistory;
import dev.meshdeck.connectors.kube.KubeGateway;
import dev.meshdeck.connectors.kube.Kubeconfigs;
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
 * The apply pipeline of a command: a gateway to the kube context (and, when the change set needs it, to a
 * Lambda region), the history and audit log of the data directory, and the production guard.
 */
public final class ChangeWiring implements ApplyTargets.Connection {

    /** Long enough for a loaded API server; a write that takes longer counts as unanswered and is checked. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ARMED_FOR = ProductionArming.ARMED_FOR;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final ApplyPipeline pipeline;
    private final AccessReview access;

    private ChangeWiring(List<ClusterGateway> gateways, Path data, ProductionGuard guard) {
        gateways.forEach(g -> opened.add((AutoCloseable) g));
        // Lambda aliases cannot be asked about beforehand: IAM answers when writing
        AccessReview kube = gateways.stream().filter(KubeGateway.class::isInstance).map(g -> ((KubeGateway) g).accessReview())
                .findFirst().orElse(AccessReview.UNCHECKED);
        this.access = (id, verb) -> id.isLambdaAlias() ? AccessReview.UNCHECKED.review(id, verb) : kube.review(id, verb);
        this.pipeline = new ApplyPipeline(ClusterGateway.combined(gateways), new H2ChangeHistory(data), new AuditFile(data),
                guard);
    }

    private static ProductionGuard guard(ChangeOptions options) {
        ProductionGuard guard = ProductionGuard.of(options.productionPattern, Clock.systemUTC());
        return options.armProduction ? guard.armedFor(ARMED_FOR) : guard;
    }

    /**
     * @param context the kube context to write to unless --context names one; null for the current one
     * @param kube    whether Kubernetes objects are written
     * @param lambda  whether Lambda aliases are written (in the options' first region)
     */
    public static ChangeWiring connect(ChangeOptions options, String context, boolean kube, boolean lambda) {
        Kubeconfigs kubeconfigs = null;
        if (kube) {
            kubeconfigs = options.kubeconfig != null
                    ? Kubeconfigs.load(Kubeconfigs.parsePathList(options.kubeconfig))
                    : Kubeconfigs.fromEnvironment();
            if (!kubeconfigs.problems().isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", kubeconfigs.problems()));
            }
        }
        AwsSettings aws = !lambda ? null : AwsDetection.detect(options.awsProfile, options.regions).orElseThrow(() ->
                new IllegalArgumentException("the change set has Lambda aliases but no AWS configuration was"
                        + " found: pass --aws-profile/--region or set AWS_PROFILE / AWS_REGION"));
        return connect(kubeconfigs, options.context != null ? options.context : context, aws,
                aws == null ? null : aws.regions().get(0), DataDirectory.resolve(), guard(options));
    }

    /**
     * A pipeline to {@code context} of {@code kubeconfigs} (null: no Kubernetes objects; a null context: the
     * current one) and/or Lambda {@code region} with {@code aws} (null: no Lambda aliases), recorded in the history
     * of {@code data}, guarded by {@code guard}. The window calls it with its own kubeconfigs, data directory and
     * production switch.
     */
    public static ChangeWiring connect(Kubeconfigs kubeconfigs, String context, AwsSettings aws, String region, Path data,
                                ProductionGuard guard) {
        List<ClusterGateway> gateways = new ArrayList<>();
        try {
            if (kubeconfigs != null) {
                gateways.add(KubeGateway.connect(kubeconfigs, context, REQUEST_TIMEOUT));
            }
            if (aws != null) {
                gateways.add(new LambdaAliasGateway(aws, region));
            }
            return new ChangeWiring(gateways, data, guard);
        } catch (RuntimeException e) {
            gateways.forEach(g -> closeQuietly((AutoCloseable) g));
            throw e;
        }
    }

    /** The pipeline to the targets a recorded change set wrote to (its own context, unless --context says otherwise). */
    public static ChangeWiring forEntry(ChangeOptions options, HistoryEntry entry) {
        boolean lambda = entry.changes().writesLambdaAliases();
        boolean kube = entry.changes().writesKubernetesObjects();
        if (lambda && options.regions.isEmpty()) {
            regionOf(entry.target()).ifPresent(region -> options.regions = List.of(region));
        }
        return connect(options, contextOf(entry.target()), kube, lambda);
    }

    /** "AWS 123456789012/eu-west-1" (or "context c + AWS profile p/eu-west-1") → eu-west-1: where the aliases were written. */
    public static Optional<String> regionOf(String target) {
        return ClusterGateway.targetsOf(target).stream().filter(t -> t.startsWith("AWS ") && t.indexOf('/') > 0).findFirst()
                .map(t -> t.substring(t.lastIndexOf('/') + 1));
    }

    /** "context prod-eu" (or "context prod-eu + AWS ...") → prod-eu; null when the entry wrote no kube context. */
    public static String contextOf(String target) {
        return ClusterGateway.targetsOf(target).stream().filter(t -> t.startsWith("context ")).findFirst()
                .map(t -> t.substring("context ".length())).orElse(null);
    }

    @Override
    public ApplyPipeline pipeline() {
        return pipeline;
    }

    /** What the writing identity may do, asked before planning (SelfSubjectAccessReview on kube contexts). */
    AccessReview accessReview() {
        return access;
    }

    @Override
    public AccessReview access() {
        return access;
    }

    /** How far a command goes: show the diff, ask the server too, or write. */
    public enum Mode { DIFF, DRY_RUN, APPLY }

    /**
     * What every writing command does with a change set: plan it, print the diff (stdout) and findings (stderr),
     * stop at a refusal or where {@code mode} says, else confirm and apply. Answers the exit code.
     */
    public int apply(CommandSpec spec, ChangeOptions options, ChangeSet changes, ApplyRequest request, Mode mode) {
        return apply(spec, options, changes, List.of(), request, mode);
    }

    /** The same, validating the changes against {@code references} (the objects they refer to). */
    public int apply(CommandSpec spec, ChangeOptions options, ChangeSet changes, List<? extends com.fasterxml.jackson.databind.JsonNode> references,
              ApplyRequest request, Mode mode) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Plan plan = pipeline.plan(changes, references, progressTo(err));
        out.print(plan.diff());
        out.flush();
        plan.findings().stream().filter(f -> f.severity() != Severity.ERROR).map(Finding::toCompilerLine).forEach(err::println);
        if (plan.refusal().isPresent()) {
            return report(spec, plan.refusal().get());
        }
        String target = pipeline.gateway().target();
        if (mode == Mode.DIFF) {
            return 0;
        }
        if (mode == Mode.DRY_RUN) {
            err.println("meshdeck " + spec.name() + ": dry run: " + target + " accepts " + changes.summary()
                    + "; nothing was written");
            return 0;
        }
        Optional<Integer> refused = refuseWithoutConsent(spec, options,
                (request.reason().isEmpty() ? "Apply " : request.reason() + ": apply ") + changes.size()
                        + " change(s) to " + target + "?");
        if (refused.isPresent()) {
            return refused.get();
        }
        return report(spec, pipeline.apply(plan, request, progressTo(err)));
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
        opened.forEach(ChangeWiring::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing a client after the work is done: nothing to report
        }
    }
}
