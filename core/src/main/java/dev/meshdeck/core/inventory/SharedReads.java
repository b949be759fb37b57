package dev.meshdeck.core.inventory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Reads of a function's objects that run at the same time share one call: selecting a function asks for them
 * from the details pane and the incident actions at once, and a Lambda function's read is several AWS calls.
 * Nothing is kept once a read ends, and a read asked for after {@link #invalidate()} (a change was applied)
 * never joins one that started before it.
 */
public final class SharedReads implements Function<FunctionId, List<MeshResource>> {

    private final Function<FunctionId, List<MeshResource>> read;
    private final Map<FunctionId, Flight> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    private record Flight(long generation, CompletableFuture<List<MeshResource>> result) {
    }

    public SharedReads(Function<FunctionId, List<MeshResource>> read) {
        this.read = read;
    }

    @Override
    public List<MeshResource> apply(FunctionId id) {
        long now = generation.get();
        Flight mine = new Flight(now, new CompletableFuture<>());
        Flight running = inFlight.compute(id, (key, flight) -> flight != null && flight.generation() == now ? flight : mine);
        if (running != mine) {
            return join(running.result());
        }
        try {
            List<MeshResource> resources = read.apply(id);
            mine.result().complete(resources);
            return resources;
        } catch (RuntimeException | Error e) {
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(id, mine);
        }
    }

    /** Reads asked for from now on start afresh: what is in flight may predate a change just applied. */
    public void invalidate() {
        generation.incrementAndGet();
    }

    private static List<MeshResource> join(CompletableFuture<List<MeshResource>> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
