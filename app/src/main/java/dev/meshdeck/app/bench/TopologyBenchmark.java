package dev.meshdeck.app.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.app.cli.SourceOptions;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.core.telemetry.EdgeKey;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TelemetrySnapshot;
import dev.meshdeck.core.telemetry.TrafficStats;
import dev.meshdeck.core.topology.PolicyLoader;
import dev.meshdeck.core.topology.TopologyModel;
import dev.meshdeck.core.topology.layout.LayoutWarmUp;
import dev.meshdeck.core.topology.layout.TopologyLayout;
import dev.meshdeck.views.topology.TopologyView;
import dev.meshdeck.views.topology.TopologyViewModel;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "topology",
        mixinStandardHelpOptions = true,
        description = {
            "Build the topology graph of the sandbox grown to N functions and print: model build from the sandbox API,",
            "policy reads, ELK layout, one-node incremental update, frame time while panning and zooming (headless",
            "canvas rendering) and heap used. Edges are synthesized as a telemetry snapshot (about 3 per function).",
            "Targets at 5,000 functions: layout <= 1 s, one-node update <= 5 ms, frame <= 20 ms, heap <= 512 MB."
        })
final class TopologyBenchmark implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--functions", defaultValue = "5000", paramLabel = "N", description = "Synthetic functions (default ${DEFAULT-VALUE}).")
    int functions;

    @Option(names = "--edges-per-function", defaultValue = "3", paramLabel = "E", description = "Synthesized calls per function (default ${DEFAULT-VALUE}).")
    int edgesPerFunction;

    @Option(names = "--policy-sample", defaultValue = "500", paramLabel = "P",
            description = "Functions whose mesh resources are read one by one, as the window does in the background (default ${DEFAULT-VALUE}).")
    int policySample;

    @Option(names = "--rounds", defaultValue = "10", paramLabel = "R", description = "Timed layout rounds (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--warmup", defaultValue = "5", paramLabel = "W",
            description = "Untimed layout rounds before them, so the JIT has compiled ELK (default ${DEFAULT-VALUE}); the first is printed apart.")
    int warmup;

    @Option(names = "--cold", description = "Skip the ELK warm-up the window runs while discovery lists: the first layout is then the JVM's very first.")
    boolean cold;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "text|json",
            description = "json: one object of the figures the targets name on stdout (firstLayoutMs: until the first "
                    + "usable graph, a quick placement above " + TopologyViewModel.SKETCH_ABOVE + " nodes; firstElkLayoutMs: "
                    + "until ELK's layout replaces it; layoutMedianMs, frameP95Ms, afterChangeFrameMaxMs, pollApplyMaxMs: a poll's "
                    + "FX-thread part; pollResolveMaxMs: its matching on the telemetry worker; updateMedianMs, heapMb), the "
                    + "text lines on stderr.")
    String output;

    @Override
    public Integer call() throws Exception {
        boolean json = switch (output) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown output format '" + output + "' (use text or json)");
        };
        PrintWriter out = json ? spec.commandLine().getErr() : spec.commandLine().getOut();
        ObjectNode figures = JsonNodeFactory.instance.objectNode().put("functions", functions);
        useHeadlessToolkitWithoutDisplay();
        SourceOptions options = new SourceOptions();
        // as the window does from its start: ELK gets compiled while discovery lists
        Thread warmUp = cold ? null : LayoutWarmUp.startOnce();
        try (Sources sources = Sources.resolve(options, true, true, functions)) {
            long heapSandbox = usedHeap();
            // 1. the model from the sandbox API: discovery of every source, then the events applied
            long start = System.nanoTime();
            List<InventoryEvent> events = discover(sources);
            long discovered = System.nanoTime();
            TopologyModel model = new TopologyModel();
            model.apply(events);
            long built = System.nanoTime();
            List<ServerlessFunction> all = new ArrayList<>();
            model.nodes().forEach(n -> {
                if (n.function() != null && TopologyModel.nodeId(n.function().id()).equals(n.id())) {
                    all.add(n.function());
                }
            });
            out.printf(Locale.ROOT, "model: %d functions, %d nodes, %d configured edges; discovery %d ms + model %d ms%n",
                    all.size(), model.nodes().size(), model.edges().size(), ms(discovered - start), ms(built - discovered));

            // 2. policies (VirtualServices, DestinationRules, ...) read per function, as the window does in the background
            // the policy reads come from the informers' caches; without reads the graph needs no informer
            if (policySample > 0 && !watching.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the sandbox's informers did not start watching within 10 minutes");
            }
            long policiesStart = System.nanoTime();
            List<ServerlessFunction> sample = all.stream().filter(f -> f.mesh().hasPolicies()).limit(policySample).toList();
            int read = readPolicies(sources, model, sample);
            long policiesMs = ms(System.nanoTime() - policiesStart);
            out.printf(Locale.ROOT, "policies: %d functions' resources read (from the informers' caches) and applied in %d ms, "
                    + "%.0f functions/s (4 threads; the window does this in the background, the graph fills in as they arrive)%n",
                    read, policiesMs, read * 1000.0 / Math.max(1, policiesMs));

            // 3. synthesized traffic
            TelemetrySnapshot snapshot = synthesize(all);
            long telemetryStart = System.nanoTime();
            model.applyTelemetry(snapshot);
            out.printf(Locale.ROOT, "telemetry: %d observed edges applied in %d ms; graph now %d nodes, %d edges%n",
                    snapshot.edges().size(), ms(System.nanoTime() - telemetryStart), model.nodes().size(), model.edges().size());

            // 4. layout
            List<Long> layouts = new ArrayList<>();
            TopologyLayout layout = null;
            if (warmUp != null) {
                warmUp.join();
            }
            long first = 0;
            long firstUsable = 0;
            for (int i = 0; i < warmup + rounds; i++) {
                layout = new TopologyLayout(model);
                long t = System.nanoTime();
                TopologyLayout.Job job = layout.prepare();
                // the window's first layout of a large graph shows a quick placement while ELK works
                if (i == 0 && model.nodes().size() > TopologyViewModel.SKETCH_ABOVE) {
                    layout.install(job.sketch());
                    firstUsable = System.nanoTime() - t;
                }
                layout.install(job.run());
                long took = System.nanoTime() - t;
                if (i == 0) {
                    first = took;
                    firstUsable = firstUsable == 0 ? took : firstUsable;
                }
                if (i >= warmup) {
                    layouts.add(took);
                }
            }
            out.printf(Locale.ROOT, "layout (ELK layered per group, %d groups in parallel): median %d ms, min %d ms, max %d ms "
                            + "over %d rounds after %d warm-up rounds%n",
                    model.groups().size(), ms(median(layouts)), ms(Collections.min(layouts)), ms(Collections.max(layouts)),
                    rounds, warmup);
            out.printf(Locale.ROOT, "first layout (%s): the graph is drawn and usable after %d ms (%s) [target <= 1000]; "
                            + "ELK's layered layout replaces it after %d ms%n",
                    cold ? "the JVM's very first" : "after the ELK warm-up the window runs during discovery", ms(firstUsable),
                    first == firstUsable ? "ELK's layout" : "a quick placement, each box's nodes in a grid",
                    ms(first));
            figures.put("firstLayoutMs", ms(firstUsable)).put("firstElkLayoutMs", ms(first)).put("layoutMedianMs", ms(median(layouts)));

            // 5. one node in and out, incrementally
            TopologyLayout live = layout;
            model.addListener(live::apply);
            List<Long> updates = new ArrayList<>();
            ServerlessFunction template = all.get(all.size() / 2);
            for (int i = 0; i < 60; i++) {
                ServerlessFunction added = new ServerlessFunction(new FunctionId(template.source(), template.platform(),
                        template.namespace(), "bench-added-" + i), template.traffic(), MeshStatus.NOT_IN_MESH,
                        new Health(1, 1, 1, "Ready"), Map.of());
                long t = System.nanoTime();
                model.apply(new InventoryEvent.FunctionChanged(added));
                long mid = System.nanoTime();
                model.apply(new InventoryEvent.FunctionRemoved(added.id()));
                long end = System.nanoTime();
                if (i >= 10) {
                    updates.add(mid - t);
                    updates.add(end - mid);
                }
            }
            Collections.sort(updates);
            out.printf(Locale.ROOT, "one-node update (model + layout, add or remove): median %.2f ms, p95 %.2f ms [target <= 5]%n",
                    updates.get(updates.size() / 2) / 1e6, updates.get(updates.size() * 95 / 100) / 1e6);
            figures.put("updateMedianMs", updates.get(updates.size() / 2) / 1e6);

            // 6. frames while panning and zooming the window's canvas, once its warm-up (--cold: now started) is over
            Thread late = LayoutWarmUp.startOnce();
            if (late != null) {
                late.join();
            }
            frames(out, events, snapshot, figures);

            System.gc();
            long heapGraph = usedHeap();
            out.printf(Locale.ROOT, "heap used after GC: %d MB in all (sandbox API server and informers included: %d MB before the graph), "
                    + "the graph's share about %d MB [target <= 512]%n",
                    heapGraph >> 20, heapSandbox >> 20, Math.max(0, heapGraph - heapSandbox) >> 20);
            figures.put("heapMb", heapGraph >> 20);
            out.flush();
            if (json) {
                spec.commandLine().getOut().println(figures);
                spec.commandLine().getOut().flush();
            }
        }
        return 0;
    }

    /** Without a display the canvas is rendered by Monocle's headless glass, in software. */
    private static void useHeadlessToolkitWithoutDisplay() {
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
    }

    /** Counts down when each kube context's informers watch (see {@link #discover}). */
    private CountDownLatch watching;

    private List<InventoryEvent> discover(Sources sources) throws InterruptedException {
        List<InventoryEvent> events = Collections.synchronizedList(new ArrayList<>());
        int expected = sources.catalog().sources().size();
        CountDownLatch done = new CountDownLatch(expected);
        // live, as in the window: the informers' caches then answer the policy reads
        watching = new CountDownLatch(sources.kube().sources().size());
        sources.catalog().start(event -> {
            if (event instanceof InventoryEvent.SourceChanged c && c.status().message().endsWith(", live")) {
                watching.countDown();
            }
            if (done.getCount() == 0) {
                return; // the window would apply later changes one by one; the benchmark keeps the first picture
            }
            events.add(event);
            if (event instanceof InventoryEvent.SourceLoaded
                    || (event instanceof InventoryEvent.SourceChanged c && c.status().state() == SourceStatus.State.FAILED)) {
                done.countDown();
            }
        }, true);
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("discovery of the sandbox did not finish within 10 minutes");
        }
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    private static int readPolicies(Sources sources, TopologyModel model, List<ServerlessFunction> all) throws InterruptedException {
        AtomicInteger read = new AtomicInteger();
        List<Runnable> results = Collections.synchronizedList(new ArrayList<>());
        long withPolicies = all.stream().filter(f -> f.mesh().hasPolicies()).count();
        CountDownLatch done = new CountDownLatch((int) withPolicies);
        try (PolicyLoader loader = new PolicyLoader(id -> {
            try {
                return sources.catalog().resourcesOf(id);
            } finally {
                done.countDown();
            }
        }, 4, (id, facts) -> {
            read.incrementAndGet();
            results.add(() -> model.applyPolicies(id, facts));
        })) {
            all.forEach(loader::request);
            done.await(10, TimeUnit.MINUTES);
            Thread.sleep(50); // the last parse after its read
        }
        synchronized (results) {
            results.forEach(Runnable::run);
        }
        return read.get();
    }

    /** About {@code edgesPerFunction} calls from each function, two in three to its own namespace. */
    private TelemetrySnapshot synthesize(List<ServerlessFunction> all) {
        Random random = new Random(42);
        Map<String, List<ServerlessFunction>> byNamespace = new HashMap<>();
        all.forEach(f -> byNamespace.computeIfAbsent(f.namespace(), k -> new ArrayList<>()).add(f));
        Map<EdgeKey, TrafficStats> edges = new HashMap<>();
        for (ServerlessFunction caller : all) {
            for (int i = 0; i < edgesPerFunction; i++) {
                List<ServerlessFunction> pool = random.nextInt(3) < 2 ? byNamespace.get(caller.namespace()) : all;
                ServerlessFunction callee = pool.get(random.nextInt(pool.size()));
                if (callee != caller) {
                    edges.put(new EdgeKey(ref(caller), ref(callee), ""),
                            new TrafficStats(random.nextDouble() * 50, random.nextDouble() < 0.05 ? 0.1 : 0.002, 20 + random.nextDouble() * 200));
                }
            }
        }
        return new TelemetrySnapshot(Instant.now(), edges, Map.of());
    }

    /** The next poll: the same calls, each rate and error ratio moved a little, some edges now failing. */
    private static TelemetrySnapshot nextPoll(TelemetrySnapshot last, Random random) {
        Map<EdgeKey, TrafficStats> edges = new HashMap<>();
        last.edges().forEach((key, stats) -> edges.put(key, new TrafficStats(stats.requestsPerSecond() * (0.8 + 0.4 * random.nextDouble()),
                random.nextDouble() < 0.05 ? 0.1 : stats.errorRatio(), stats.p95Millis())));
        return new TelemetrySnapshot(Instant.now(), edges, last.nodes());
    }

    private static ServiceRef ref(ServerlessFunction f) {
        return new ServiceRef(f.source().id(), f.namespace(), f.name());
    }

    private static void frames(PrintWriter out, List<InventoryEvent> events, TelemetrySnapshot snapshot, ObjectNode figures)
            throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        TopologyView view = onFx(() -> {
            TopologyView v = new TopologyView(id -> List.of());
            new Scene(new StackPane(v.node()), 1280, 760);
            v.node().applyCss();
            ((StackPane) v.node().getParent()).layout();
            v.apply(events);
            return v;
        });
        // the window lays out in the background (a quick placement first, then ELK's); wait for ELK's
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (onFx(() -> view.layout().width() <= 0 || view.isLayingOut()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        onFx(() -> {
            view.model().applyTelemetry(snapshot);
            view.fit();
            return null;
        });
        // the overview image of the whole graph is made in the background after a change: let it arrive
        for (int i = 0; i < 20 && onFx(view::overviewRenderNanos) == 0; i++) {
            onFx(view::drawNow);
            Thread.sleep(250);
        }
        List<Long> zoomedOut = new ArrayList<>();
        List<Long> zoomedIn = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            int step = i;
            long t = onFx(() -> {
                if (step < 40) {
                    view.zoomAndPan(step % 2 == 0 ? 1.08 : 1 / 1.08, 25, 10);
                } else {
                    if (step == 40) {
                        view.zoomAndPan(1 / view.scale(), 0, 0);
                    }
                    view.zoomAndPan(step % 2 == 0 ? 1.05 : 1 / 1.05, 40, 25);
                }
                long s = System.nanoTime();
                view.drawNow();
                view.canvas().snapshot(null, null); // forces the rasterization of the frame
                return System.nanoTime() - s;
            });
            if (i >= 5 && i < 40) {
                zoomedOut.add(t);
            } else if (i >= 45) {
                zoomedIn.add(t);
            }
        }
        // After a change (a selection, a telemetry poll) the overview image is made again. What the user feels is
        // the longest the FX thread is busy at once until the new image is on screen: the frame right after the
        // change (with the copy for the image), a poll's install once the telemetry worker has matched it, the swap
        // of the image and the frame that shows it, which a probe catches (it posts a task every 2 ms and keeps the
        // longest wait). A poll goes the window's way (TopologyView.applyTelemetry); its FX-thread part and its
        // matching in the background are also timed apart.
        List<Long> afterChange = new ArrayList<>();
        List<Long> pollApply = new ArrayList<>();
        List<Long> pollResolve = new ArrayList<>();
        String someNode = onFx(() -> view.model().nodes().iterator().next().id());
        onFx(() -> {
            view.fit();
            return null;
        });
        Random random = new Random(7);
        for (int i = 0; i < 8; i++) {
            int step = i;
            long before = onFx(view::overviewRenderNanos);
            long polls = onFx(view::lastPoll).applied();
            TelemetrySnapshot poll = nextPoll(snapshot, random);
            FxStallProbe probe = FxStallProbe.start();
            long frame = onFx(() -> {
                if (step % 2 == 0) {
                    view.select(step % 4 == 0 ? someNode : null);
                } else {
                    view.applyTelemetry(poll);
                }
                long s = System.nanoTime();
                view.drawNow();
                view.canvas().snapshot(null, null);
                return System.nanoTime() - s;
            });
            long imageDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            if (step % 2 == 1) {
                while (onFx(view::lastPoll).applied() == polls && System.nanoTime() < imageDeadline) {
                    Thread.sleep(5);
                }
                TopologyView.PollTimes times = onFx(view::lastPoll);
                pollApply.add(times.fxNanos());
                pollResolve.add(times.resolveNanos());
            }
            // until the new image is in and drawn
            while (onFx(view::overviewRenderNanos) == before && System.nanoTime() < imageDeadline) {
                Thread.sleep(20);
            }
            onFx(() -> {
                view.drawNow();
                view.canvas().snapshot(null, null);
                return null;
            });
            afterChange.add(Math.max(frame, probe.stop()));
        }
        out.printf(Locale.ROOT, "frame (draw + rasterize %dx%d + read back, software pipeline): whole graph in view median %.1f ms, "
                + "p95 %.1f ms (the overview image scaled and shifted); zoomed to 1:1 median %.1f ms, p95 %.1f ms (drawn directly, "
                + "culled) [target <= 20]%n",
                (int) view.canvas().getWidth(), (int) view.canvas().getHeight(),
                median(zoomedOut) / 1e6, p95(zoomedOut) / 1e6, median(zoomedIn) / 1e6, p95(zoomedIn) / 1e6);
        out.printf(Locale.ROOT, "after a change (4 selections, 4 telemetry polls): the longest the FX thread was busy at once from "
                + "the frame after it until the new overview image was on screen: median %.1f ms, max %.1f ms [target <= 50]; "
                + "the image took %.1f ms (%.1f ms of it copying what is drawn, in the frame; the painting in the background); "
                + "a poll's install on the FX thread (index + changed figures + listeners): median %.1f ms, max %.1f ms, "
                + "after its matching on the telemetry worker: median %.1f ms, max %.1f ms%n",
                median(afterChange) / 1e6, Collections.max(afterChange) / 1e6, onFx(view::overviewRenderNanos) / 1e6,
                onFx(view::overviewCopyNanos) / 1e6, median(pollApply) / 1e6, Collections.max(pollApply) / 1e6,
                median(pollResolve) / 1e6, Collections.max(pollResolve) / 1e6);
        figures.put("frameP95Ms", p95(zoomedOut) / 1e6).put("afterChangeFrameMaxMs", Collections.max(afterChange) / 1e6)
                .put("pollApplyMaxMs", Collections.max(pollApply) / 1e6)
                .put("pollResolveMaxMs", Collections.max(pollResolve) / 1e6);
        onFx(() -> {
            view.close();
            return null;
        });
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(5, TimeUnit.MINUTES);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long p95(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * 95 / 100));
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static long usedHeap() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
