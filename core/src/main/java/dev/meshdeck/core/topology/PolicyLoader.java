package dev.meshdeck.core.topology;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.ServerlessFunction;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the mesh resources of functions ({@code FunctionCatalog.resourcesOf}, which may block on the network)
 * on a few background threads and hands each function's {@link PolicyFacts} over, on those threads. Functions
 * no mesh policy applies to are skipped: their graph comes from the inventory alone.
 */
public final class PolicyLoader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyLoader.class);

    private final Function<FunctionId, List<MeshResource>> resourcesOf;
    private final BiConsumer<FunctionId, PolicyFacts> onLoaded;
    private final ExecutorService workers;
    private final Set<FunctionId> pending = ConcurrentHashMap.newKeySet();

    public PolicyLoader(Function<FunctionId, List<MeshResource>> resourcesOf, int threads, BiConsumer<FunctionId, PolicyFacts> onLoaded) {
        this.resourcesOf = resourcesOf;
        this.onLoaded = onLoaded;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "meshdeck-topology-policies-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Loads (again) the policies of a function that appeared or changed; a request already queued is not repeated. */
    public void request(ServerlessFunction function) {
        if (!function.mesh().hasPolicies() || !pending.add(function.id())) {
            return;
        }
        workers.execute(() -> {
            pending.remove(function.id());
            try {
                onLoaded.accept(function.id(), PolicyFacts.read(resourcesOf.apply(function.id())));
            } catch (RuntimeException e) {
                // the details pane shows the same failure when the function is selected
                LOG.debug("topology: policies of {} not loaded: {}", function.id().qualifiedName(), e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
