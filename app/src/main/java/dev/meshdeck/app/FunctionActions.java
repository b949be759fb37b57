package dev.meshdeck.app;

import dev.meshdeck.core.access.Permissions;
import dev.meshdeck.core.changes.ApplyPipeline;
import dev.meshdeck.core.failover.FunctionChange;
import dev.meshdeck.core.failover.LiveFunction;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.yaml.YamlProblem;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What failover, failback and rollout commands share: find the function, read its objects, wire the pipeline
 * of its own context or region, ask whether the identity may write, then plan, show, confirm and apply.
 */
final class FunctionActions {

    private FunctionActions() {
    }

    /** Discovery limited to where the change is written: --context (one) and the AWS options. */
    static SourceOptions sourcesOf(ChangeOptions options) {
        SourceOptions sources = new SourceOptions();
        sources.kubeconfig = options.kubeconfig;
        sources.contexts = options.context == null ? List.of() : List.of(options.context);
        sources.awsProfile = options.awsProfile;
        sources.regions = options.regions;
        return sources;
    }

    static LiveFunction live(Sources sources, ServerlessFunction fn) {
        try {
            return LiveFunction.of(fn, sources.catalog().resourcesOf(fn.id()));
        } catch (YamlProblem e) {
            throw new IllegalStateException("cannot read the objects of " + fn.id().qualifiedName() + ": " + e.getMessage(), e);
        }
    }

    /** The pipeline of the function's own context or region. */
    static ChangeWiring wiringFor(ChangeOptions options, ServerlessFunction fn) {
        boolean lambda = fn.platform() == Platform.LAMBDA;
        if (fn.source() instanceof SourceRef.AwsRegion region) {
            options.regions = List.of(region.region());
        }
        String context = fn.source() instanceof SourceRef.KubeContext kube ? kube.context() : null;
        return ChangeWiring.connect(options, context, !lambda, lambda);
    }

    /** Finds the function, reads its objects and {@link #run runs} the change {@code build} makes of them. */
    static int onFunction(CommandSpec spec, ChangeOptions options, String function, String namespace,
                          BiFunction<LiveFunction, ApplyPipeline, FunctionChange> build) {
        try (Sources sources = Sources.resolve(sourcesOf(options), false, false, 0)) {
            ServerlessFunction fn = FunctionLookup.find(FunctionLookup.discover(sources), function, namespace);
            LiveFunction live = live(sources, fn);
            return run(spec, options, fn, pipeline -> build.apply(live, pipeline));
        }
    }

    /**
     * Builds the change with the function's pipeline (failback and undo read its history), refuses with the
     * cluster's reason when the identity may not write it, else plans, prints the diff, confirms and applies.
     */
    static int run(CommandSpec spec, ChangeOptions options, ServerlessFunction fn, Function<ApplyPipeline, FunctionChange> build) {
        try (ChangeWiring wiring = wiringFor(options, fn)) {
            FunctionChange change = build.apply(wiring.pipeline());
            PrintWriter err = spec.commandLine().getErr();
            err.println("meshdeck " + spec.name() + ": " + change.title());
            Optional<Integer> denied = refuseWhenDenied(spec, wiring, change);
            if (denied.isPresent()) {
                return denied.get();
            }
            return wiring.apply(spec, options, change.changes(), change.references(), change.request(), ChangeWiring.Mode.APPLY);
        }
    }

    /** Exit 1 with the cluster's reason when RBAC would refuse a write of {@code change}. */
    static Optional<Integer> refuseWhenDenied(CommandSpec spec, ChangeWiring wiring, FunctionChange change) {
        Permissions permissions = Permissions.check(wiring.accessReview(), wiring.pipeline().gateway().identity(), change.changes());
        if (permissions.allowed()) {
            return Optional.empty();
        }
        spec.commandLine().getErr().println("meshdeck " + spec.name() + ": " + permissions.denial().orElseThrow()
                + " Nothing was written.");
        return Optional.of(1);
    }
}
