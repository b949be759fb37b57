package dev.meshdeck.core.canary;

import java.util.List;
import java.util.Optional;

/**
 * Where runs are kept between steps and processes. A person's request (pause, resume, promote, abort) is kept apart
 * from the run, so the process driving it and the one asking never overwrite each other.
 */
public interface CanaryRunStore {

    void save(CanaryRun run);

    /** Every run, newest first. */
    List<CanaryRun> runs();

    /** The active run of {@code resource}'s function, if any. */
    default Optional<CanaryRun> active(String namespace, String function) {
        return runs().stream().filter(r -> r.status().active())
                .filter(r -> r.namespace().equals(namespace) && r.function().equals(function)).findFirst();
    }

    /**
     * Records that {@code owner} still drives run {@code id}, apart from the run itself: a process beats while a slow
     * write holds its loop, and a beat never overwrites a step.
     */
    void beat(String id, Owner owner);

    /** Leaves a request for the process driving run {@code id}. */
    void request(String id, Control control);

    /** The pending request of run {@code id}, removed as it is taken. */
    Optional<Control> takeRequest(String id);
}
