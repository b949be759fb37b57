package dev.meshdeck.core.topology.layout;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.telemetry.EdgeKey;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TrafficStats;
import dev.meshdeck.core.topology.TopologyModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lays out a made-up estate, with groups like a large one's, until the JIT has compiled ELK and the layout
 * around it: in a fresh JVM the first layout of 5,000 functions takes several times as long as the next ones.
 * The window starts it in the background once its sources have answered (during discovery it competed with the
 * lists for the CPU), so that the layouts after that run on compiled code.
 */
public final class LayoutWarmUp {

    private static final int NAMESPACES = 4;
    private static final int FUNCTIONS_PER_NAMESPACE = 36;
    private static final int ROUNDS = 100;
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private LayoutWarmUp() {
    }

    /** Starts {@link #run()} on a low-priority daemon thread, once per JVM; null when it was started before. */
    public static Thread startOnce() {
        if (!STARTED.compareAndSet(false, true)) {
            return null;
        }
        Thread t = new Thread(LayoutWarmUp::run, "meshdeck-layout-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    /** Takes about two seconds of a core. Stops early when interrupted. */
    static void run() {
        TopologyModel model = estate();
        for (int round = 0; round < ROUNDS && !Thread.currentThread().isInterrupted(); round++) {
            new TopologyLayout(model).layoutAll();
        }
    }

    /** Functions in a few namespaces, each calling two others of its namespace. */
    private static TopologyModel estate() {
        SourceRef source = new SourceRef.KubeContext("warm-up", "warm-up", "");
        Random random = new Random(7);
        List<InventoryEvent> events = new ArrayList<>();
        Map<EdgeKey, TrafficStats> edges = new HashMap<>();
        for (int ns = 0; ns < NAMESPACES; ns++) {
            String namespace = "warm-up-" + ns;
            for (int i = 0; i < FUNCTIONS_PER_NAMESPACE; i++) {
                events.add(new InventoryEvent.FunctionChanged(new ServerlessFunction(new FunctionId(source, Platform.KUBERNETES,
                        namespace, "f" + i), List.of(), MeshStatus.NOT_IN_MESH, new Health(1, 1, 1, "Ready"), Map.of())));
                for (int call = 0; call < 2; call++) {
                    edges.put(new EdgeKey(new ServiceRef(source.id(), namespace, "f" + i),
                            new ServiceRef(source.id(), namespace, "f" + random.nextInt(FUNCTIONS_PER_NAMESPACE)), ""),
                            new TrafficStats(1, 0, 10));
                }
            }
        }
        TopologyModel model = new TopologyModel();
        model.apply(events);
        model.applyTelemetry(new TelemetrySnapshot(Instant.now(), edges, Map.of()));
        return model;
    }
}
