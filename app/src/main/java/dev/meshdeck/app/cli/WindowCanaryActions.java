package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.canary.CanaryRun;
import dev.meshdeck.core.canary.CanaryRunStore;
import dev.meshdeck.core.canary.Control;
import dev.meshdeck.core.canary.CanaryActions;
import dev.meshdeck.core.canary.NamespacePlan;
import dev.meshdeck.core.changes.ApplyPipeline;
import dev.meshdeck.core.changes.ApplyProgress;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.ApplyTargets;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.Plan;
import dev.meshdeck.core.changes.ProductionArming;
import dev.meshdeck.core.inventory.SourceRef;
import java.util.Set;

/**
 * The window acting on a run itself: taking over an interrupted run as `canary resume|abort` do in a terminal, and
 * saving a run's plan as its namespace's as `canary plan set` does, through the window's own sources, pipelines (its
 * history, its production arming) and run store. A resumed run is driven by the window's process, on the calling
 * thread, until it ends.
 */
public final class WindowCanaryActions implements CanaryActions {

    private final Sources sources;
    private final ApplyTargets targets;
    private final ProductionArming arming;
    private final CanaryRunStore store;

    public WindowCanaryActions(Sources sources, ApplyTargets targets, ProductionArming arming, CanaryRunStore store) {
        this.sources = sources;
        this.targets = targets;
        this.arming = arming;
        this.store = store;
    }

    @Override
    public CanaryRun resume(CanaryRun run) throws Exception {
        return take(run, Control.RESUME);
    }

    @Override
    public CanaryRun abort(CanaryRun run) throws Exception {
        return take(run, Control.ABORT);
    }

    @Override
    public CanaryRun rollBack(CanaryRun run) throws Exception {
        try (CanaryConnection c = connect(run)) {
            return c.runner.rollBack(run, CanaryForeground.now());
        }
    }

    @Override
    public String savePlan(CanaryRun run) throws Exception {
        if (run.target().isAws()) {
            throw new IllegalArgumentException("a Lambda function has no namespace to keep a plan in");
        }
        SourceRef.KubeContext context = new SourceRef.KubeContext(run.target().kubeContext(), null, null);
        try (ApplyTargets.Connection c = targets.connect(Set.of(context), arming.guard())) {
            ApplyPipeline pipeline = c.pipeline();
            ChangeSet changes = NamespacePlan.change(pipeline.gateway(), run.namespace(), run.plan());
            ApplyRequest request = ApplyRequest.apply("canary plan of namespace " + run.namespace() + " from run " + run.id());
            Plan plan = pipeline.plan(changes, request, ApplyProgress.NONE);
            return plan.refusal().orElseGet(() -> pipeline.apply(plan, request, ApplyProgress.NONE)).summary();
        }
    }

    private CanaryRun take(CanaryRun run, Control control) throws Exception {
        try (CanaryConnection c = connect(run)) {
            return CanaryForeground.takeOver(c, run, control, next -> { });
        }
    }

    private CanaryConnection connect(CanaryRun run) throws Exception {
        return CanaryConnection.open(sources, function -> targets.connect(Set.of(function.source()), arming.guard()), store, run);
    }
}
