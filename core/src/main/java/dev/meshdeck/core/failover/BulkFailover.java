package dev.meshdeck.core.failover;

import dev.meshdeck.core.changes.ApplyOutcome;
import dev.meshdeck.core.changes.ApplyPipeline;
import dev.meshdeck.core.changes.ApplyProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails a selection of functions over at once, in parallel. Each function is its own change set and history
 * entry, not one all-or-nothing set: in an incident the 99 functions that can move must not wait for the one
 * whose VirtualService someone is editing or whose namespace the identity may not write, and each function
 * can be failed back on its own. The outcome lists every function's result with a summary.
 */
public final class BulkFailover {

    private static final Logger LOG = LoggerFactory.getLogger(BulkFailover.class);

    /** How far a bulk failover is, after each function. */
    public record Progress(int done, int total, Result latest) {
    }

    /**
     * One function's result.
     *
     * @param target  null when none could be chosen
     * @param outcome null when the function was skipped before anything was planned
     * @param skipped why it was skipped ("no configured failover target"), or ""
     */
    public record Result(String subject, FailoverTarget target, ApplyOutcome outcome, String skipped) {

        public boolean failedOver() {
            return outcome != null && outcome.applied();
        }

        /** "kubernetes payments/payment-function -> host:payment-function-backup: failed over (change set 7)". */
        public String line() {
            String head = subject + (target == null ? "" : " -> " + target) + ": ";
            if (outcome == null) {
                return head + "skipped: " + skipped;
            }
            if (outcome.applied()) {
                return head + "failed over";
            }
            String first = outcome.summary().lines().findFirst().orElse("");
            return head + "NOT failed over: " + first;
        }
    }

    /** Every function's result, in the order the functions were given. */
    public record Outcome(List<Result> results) {
        public Outcome {
            results = List.copyOf(results);
        }

        public long failedOver() {
            return results.stream().filter(Result::failedOver).count();
        }

        public long skipped() {
            return results.stream().filter(r -> r.outcome() == null).count();
        }

        public boolean allFailedOver() {
            return failedOver() == results.size();
        }

        /** "100 functions: 97 failed over, 2 not failed over, 1 skipped". */
        public String summary() {
            long notApplied = results.size() - failedOver() - skipped();
            return results.size() + " function(s): " + failedOver() + " failed over, " + notApplied + " not failed over, "
                    + skipped() + " skipped";
        }
    }

    private final ApplyPipeline pipeline;
    private final int parallelism;

    /** @param parallelism how many functions are written at the same time (at least 1) */
    public BulkFailover(ApplyPipeline pipeline, int parallelism) {
        this.pipeline = pipeline;
        this.parallelism = Math.max(1, parallelism);
    }

    /**
     * Fails every function over to the target {@code targetOf} chooses for it (which may throw
     * IllegalArgumentException to skip a function, saying why). Blocks until every function has its result;
     * {@code progress} is told after each, on the worker's thread.
     *
     * @param force override the validation gate's errors (an emergency; {@code reason} says why)
     */
    public Outcome run(List<LiveFunction> functions, Function<LiveFunction, FailoverTarget> targetOf, String reason,
                       boolean force, Consumer<Progress> progress) throws InterruptedException {
        if (functions.isEmpty()) {
            return new Outcome(List.of());
        }
        AtomicInteger done = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(parallelism, functions.size()), r -> {
            Thread t = new Thread(r, "meshdeck-bulk-failover");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Result>> futures = new ArrayList<>();
            for (LiveFunction fn : functions) {
                futures.add(workers.submit(() -> {
                    Result result = failover(fn, targetOf, reason, force);
                    try {
                        progress.accept(new Progress(done.incrementAndGet(), functions.size(), result));
                    } catch (RuntimeException e) {
                        // a failing view must not turn a written failover into an unknown result
                        LOG.warn("bulk failover progress listener failed after {}", fn.subject(), e);
                    }
                    return result;
                }));
            }
            List<Result> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    results.add(new Result(functions.get(i).subject(), null, null, "failed unexpectedly: " + e.getCause()));
                }
            }
            return new Outcome(results);
        } finally {
            workers.shutdownNow();
        }
    }

    private Result failover(LiveFunction fn, Function<LiveFunction, FailoverTarget> targetOf, String reason, boolean force) {
        FailoverTarget target = null;
        try {
            target = targetOf.apply(fn);
            FunctionChange planned = FailoverPlanner.failover(fn, target, reason);
            FunctionChange change = force ? planned.forced(reason) : planned;
            return new Result(fn.subject(), target, change.apply(pipeline, ApplyProgress.NONE), "");
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Result(fn.subject(), target, null, e.getMessage());
        }
    }
}
