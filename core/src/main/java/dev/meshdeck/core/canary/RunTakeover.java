package dev.meshdeck.core.canary;

/**
 * This process taking over a run nobody drives any more (its process was killed, the laptop slept): the window's
 * start offers it for each interrupted run, as `canary resume|abort` do in a terminal.
 */
public interface RunTakeover {

    /**
     * Resumes {@code run} from its last written step on a fresh interval (figures from before the interruption never
     * count) and drives it in this process until it ends. Blocks for as long as the run goes on.
     *
     * @return the run as it ended
     */
    CanaryRun resume(CanaryRun run) throws Exception;

    /** Aborts {@code run}: the traffic object's weights from before the run written back through the pipeline. */
    CanaryRun abort(CanaryRun run) throws Exception;
}
