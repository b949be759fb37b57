package dev.meshdeck.app.wiring;

import dev.meshdeck.app.cli.ChangeOptions;
import dev.meshdeck.app.cli.FunctionLookup;
import dev.meshdeck.app.cli.SourceOptions;
import dev.meshdeck.core.access.Permissions;
import dev.meshdeck.core.changes.ApplyPipeline;
import dev.meshdeck.connectors.history.DataDirectory;
import dev.meshdeck.connectors.history.H2ChangeHistory;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.failover.Failback;
import dev.meshdeck.core.failover.FunctionChange;
import dev.meshdeck.core.failover.LiveFunction;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.yaml.YamlProblem;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What failover, failback and rollout commands share: find the function, read its objects, wire the pipeline
 * of its own context or region, ask whether the identity may write, then plan, show, confirm and apply.
 */
public final class FunctionActions {

    private FunctionActions() {
    }

    /** Discovery limited to where the change is written: --context (one) and the AWS options. */
    public static SourceOptions sourcesOf(ChangeOptions options) {
        SourceOptions sources = new SourceOptions();
        sources.kubeconfig = options.kubeconfig;
        sources.contexts = options.context == null ? List.of() : List.of(options.context);
        sources.awsProfile = options.awsProfile;
        sources.regions = options.regions;
        return sources;
    }

    public static LiveFunction live(Sources sources, ServerlessFunction fn) {
        try {
            return LiveFunction.of(fn, sources.catalog().resourcesOf(fn.id()));
        } catch (YamlProblem e) {
            throw new IllegalStateException("cannot read the objects of " + fn.id().qualifiedName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The pipeline of functions of one source: its context or region, and for Lambda functions the mesh calls
     * through a ServiceEntry also the kube context of that entry, where their failover to the mesh is written.
     */
    public static ChangeWiring wiringFor(ChangeOptions options, Sources sources, List<LiveFunction> functions) {
        ServerlessFunction first = functions.get(0).function();
        boolean lambda = first.platform() == Platform.LAMBDA;
        boolean kube = !lambda || functions.stream().anyMatch(f -> !f.meshEntries().isEmpty());
        return wiring(options, sources, functions, kube, lambda);
    }

    /** The pipeline of the function's own context or region. */
    private static ChangeWiring ownWiring(ChangeOptions options, Sources sources, ServerlessFunction fn) {
        boolean lambda = fn.platform() == Platform.LAMBDA;
        return connect(options, sources, fn, lambda ? null : ((SourceRef.KubeContext) fn.source()).context(), !lambda, lambda);
    }

    /**
     * A pipeline writing the changes of functions of one source: Kubernetes objects ({@code kube}) to its
     * context, or for Lambda functions to the kube context of their mesh entries; Lambda aliases ({@code lambda})
     * to its region.
     */
    private static ChangeWiring wiring(ChangeOptions options, Sources sources, List<LiveFunction> functions, boolean kube,
                                       boolean lambda) {
        ServerlessFunction fn = functions.get(0).function();
        String context = fn.source() instanceof SourceRef.KubeContext k ? k.context()
                : kube ? meshEntryContext(options, sources, functions) : null;
        return connect(options, sources, fn, context, kube, lambda);
    }

    /** Lambda aliases are written to the function's region, Kubernetes objects to {@code context}. */
    private static ChangeWiring connect(ChangeOptions options, Sources sources, ServerlessFunction fn, String context,
                                        boolean kube, boolean lambda) {
        if (fn.source() instanceof SourceRef.AwsRegion region) {
            options.regions = List.of(region.region());
        }
        return ChangeWiring.connect(options, sources.writePaths(), context, kube, lambda);
    }

    /**
     * A change made of the function's objects and, where it needs more of its cluster (a Deployment's ReplicaSets),
     * what it reads through {@code sources}.
     */
    public interface Build {
        FunctionChange build(Sources sources, LiveFunction live, ApplyPipeline pipeline);
    }

    /** Finds the function, reads its objects and {@link #run runs} the change {@code build} makes of them. */
    public static int onFunction(CommandSpec spec, ChangeOptions options, String function, String namespace,
                                 Build build) {
        try (Sources sources = Sources.resolve(sourcesOf(options), false, false, 0)) {
            ServerlessFunction fn = FunctionLookup.find(sources, function, namespace);
            LiveFunction live = live(sources, fn);
            return run(spec, options, () -> ownWiring(options, sources, fn), pipeline -> build.build(sources, live, pipeline));
        }
    }

    /**
     * Finds the function, reads its objects and runs the change {@code plan} makes of them, written where its
     * objects are: a Lambda function's alias in its region, its mesh entry (the VirtualService of its function
     * URL's host) in the kube context.
     */
    public static int planned(CommandSpec spec, ChangeOptions options, String function, String namespace,
                       Function<LiveFunction, FunctionChange> plan) {
        try (Sources sources = Sources.resolve(sourcesOf(options), false, false, 0)) {
            ServerlessFunction fn = FunctionLookup.find(sources, function, namespace);
            LiveFunction live = live(sources, fn);
            FunctionChange change = plan.apply(live);
            return run(spec, options, () -> wiring(options, sources, List.of(live), change.changes().writesKubernetesObjects(),
                    change.changes().writesLambdaAliases()), pipeline -> change);
        }
    }

    /**
     * The one kube context whose mesh entries of Lambda functions are changed: --context, else the context their
     * ServiceEntries were read from, else the only one discovered.
     */
    private static String meshEntryContext(ChangeOptions options, Sources sources, List<LiveFunction> functions) {
        if (options.context != null) {
            return options.context;
        }
        List<String> contexts = functions.stream().map(LiveFunction::meshEntrySource).filter(SourceRef.KubeContext.class::isInstance)
                .map(s -> ((SourceRef.KubeContext) s).context()).distinct().toList();
        if (contexts.isEmpty()) {
            contexts = sources.catalog().sources().stream()
                    .filter(SourceRef.KubeContext.class::isInstance).map(s -> ((SourceRef.KubeContext) s).context()).toList();
        }
        if (contexts.size() != 1) {
            throw new IllegalArgumentException("the mesh's calls to Lambda function " + functions.get(0).function().name()
                    + " are routed in a kube context: name it with --context (found " + contexts.size() + ": "
                    + String.join(", ", contexts) + ")");
        }
        return contexts.get(0);
    }

    /**
     * Builds the change with the function's pipeline (failback and undo read its history), refuses with the
     * cluster's reason when the identity may not write it, else plans, prints the diff, confirms and applies.
     */
    public static int run(CommandSpec spec, ChangeOptions options, Supplier<ChangeWiring> wire,
                          Function<ApplyPipeline, FunctionChange> build) {
        try (ChangeWiring wiring = wire.get()) {
            FunctionChange change = build.apply(wiring.pipeline());
            PrintWriter err = spec.commandLine().getErr();
            err.println("meshdeck " + spec.name() + ": " + change.title());
            Optional<Integer> denied = refuseWhenDenied(spec, wiring, change);
            if (denied.isPresent()) {
                return denied.get();
            }
            return wiring.apply(spec, options, change.changes(), change.request(), ChangeWiring.Mode.APPLY);
        }
    }

    /**
     * Ends the function's failover where it was written: its own context or region, or, for a Lambda function
     * failed over to the mesh, the kube context of its mesh entry (found in the history).
     */
    public static int failback(CommandSpec spec, ChangeOptions options, String function, String namespace) {
        try (Sources sources = Sources.resolve(sourcesOf(options), false, false, 0)) {
            ServerlessFunction fn = FunctionLookup.find(sources, function, namespace);
            String subject = LiveFunction.subjectOf(fn);
            if (fn.platform() == Platform.LAMBDA) {
                Optional<HistoryEntry> inMesh = Failback.activeFailovers(new H2ChangeHistory(DataDirectory.resolve()), subject)
                        .stream().filter(e -> e.target().context().isPresent()).findFirst();
                if (inMesh.isPresent()) {
                    return run(spec, options, () -> ChangeWiring.forEntry(options, sources.writePaths(), inMesh.get()), pipeline ->
                            Failback.of(pipeline.history(), inMesh.get().target(), subject, options.why.reason));
                }
            }
            return run(spec, options, () -> ownWiring(options, sources, fn), pipeline ->
                    Failback.of(pipeline.history(), pipeline.gateway().target(), subject, options.why.reason));
        }
    }

    /** Exit 1 with the cluster's reason when RBAC would refuse a write of {@code change}. */
    static Optional<Integer> refuseWhenDenied(CommandSpec spec, ChangeWiring wiring, FunctionChange change) {
        Permissions permissions = Permissions.check(wiring.access(), wiring.pipeline().gateway().identity(), change.changes());
        if (permissions.allowed()) {
            return Optional.empty();
        }
        spec.commandLine().getErr().println("meshdeck " + spec.name() + ": " + permissions.denial().orElseThrow()
                + " Nothing was written.");
        return Optional.of(1);
    }
}
