package dev.meshdeck.core.canary;

/**
 * What the window does with a run itself, rather than asking the process driving it: take over a run nobody drives
 * any more (its process was killed, the laptop slept), as `canary resume|abort` do in a terminal, and save a run's
 * plan as its namespace's plan, as `canary plan set` does.
 */
public interface CanaryActions {

    /**
     * Resumes {@code run} from its last written step on a fresh interval (figures from before the interruption never
     * count) and drives it in this process until it ends. Blocks for as long as the run goes on.
     *
     * @return the run as it ended
     */
    CanaryRun resume(CanaryRun run) throws Exception;

    /** Aborts {@code run}: the traffic object's weights from before the run written back through the pipeline. */
    CanaryRun abort(CanaryRun run) throws Exception;

    /**
     * Takes promoted {@code run}'s function back to its state before the run (the traffic object's spec from before
     * the first step) through the pipeline, as `canary rollback` does; someone else's change since is a conflict.
     *
     * @return the run as it ended (rolled back, or refused with its reason)
     */
    CanaryRun rollBack(CanaryRun run) throws Exception;

    /**
     * Saves {@code run}'s plan as the plan of its namespace (ConfigMap {@value NamespacePlan#CONFIG_MAP}) through the
     * apply pipeline of its cluster.
     *
     * @return what the pipeline did, or why it refused, for the person who asked
     */
    String savePlan(CanaryRun run) throws Exception;
}
