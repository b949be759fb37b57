package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.logs.LiveMerge;
import dev.meshdeck.core.logs.LogLine;
import dev.meshdeck.core.logs.LogQuery;
import dev.meshdeck.core.logs.LogSource.LogFeed;
import dev.meshdeck.core.workloads.FunctionPod;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.TailPrettyLoggable;
import io.fabric8.kubernetes.client.dsl.TimeTailPrettyLoggable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A function's pod logs through the pod log API ({@code timestamps=true}, {@code sinceSeconds}, {@code follow}):
 * every pod's history read at once and merged by time, then, when following, each pod's stream read on its own
 * thread into a {@link LiveMerge} that a ticker hands on in time order. A stream that ends while following
 * (an API server or proxy closing it) is opened again from its last line.
 */
final class PodLogReader {

    private static final String SIDECAR = "istio-proxy";
    private static final String DEFAULT_CONTAINER = "kubectl.kubernetes.io/default-container";
    /** Lines kept per pod of its history: what a screen can show, never the whole retention of a busy pod. */
    static final int HISTORY_PER_POD = 10_000;
    private static final int BATCH = 500;
    /** How long a line waits for an earlier one from a slower pod. */
    private static final Duration HOLDBACK = Duration.ofSeconds(2);
    private static final int LIVE_CAPACITY = 50_000;
    private static final Duration TICK = Duration.ofMillis(250);
    private static final Duration RECONNECT = Duration.ofSeconds(1);

    private PodLogReader() {
    }

    /** One pod's stream: the pod, the version it runs and the container read. */
    private record Stream(FunctionPod pod, String container) {

        LogLine line(String raw) {
            int space = raw.indexOf(' ');
            Instant time;
            String text = raw;
            try {
                time = Instant.parse(space > 0 ? raw.substring(0, space) : raw);
                text = space > 0 ? raw.substring(space + 1) : "";
            } catch (DateTimeParseException e) {
                // a runtime that wrote no timestamp: the time it was read is the best there is
                time = Instant.now();
            }
            return new LogLine(time, pod.name(), pod.version(), container, text);
        }
    }

    static LogFeed open(KubernetesClient client, List<FunctionPod> pods, LogQuery query, Consumer<List<LogLine>> sink) {
        List<Stream> streams = streams(client, pods, query);
        ExecutorService readers = Executors.newFixedThreadPool(Math.max(1, Math.min(streams.size(), 16)), r -> {
            Thread t = new Thread(r, "pod-logs");
            t.setDaemon(true);
            return t;
        });
        Map<Stream, Instant> last = new ConcurrentHashMap<>();
        List<LogLine> history;
        try {
            history = history(client, streams, query, readers, last);
        } catch (RuntimeException e) {
            readers.shutdownNow();
            throw e;
        }
        if (!query.follow()) {
            readers.shutdownNow();
            deliver(history, sink);
            return LogFeed.DONE;
        }
        // each pod's history ends where its read ended: lines after the earliest of those ends wait in the live
        // merge, so a pod read earlier cannot follow with lines older than ones already shown
        Instant cut = last.values().stream().min(Instant::compareTo).orElse(Instant.MAX);
        LiveMerge merge = new LiveMerge(HOLDBACK, LIVE_CAPACITY);
        deliver(history.stream().filter(l -> !l.time().isAfter(cut)).toList(), sink);
        history.stream().filter(l -> l.time().isAfter(cut)).forEach(merge::offer);
        return follow(client, streams, query, readers, last, merge, sink);
    }

    /** The pods of the query's version, each with the container to read: the one asked for, else its own. */
    private static List<Stream> streams(KubernetesClient client, List<FunctionPod> pods, LogQuery query) {
        List<Stream> streams = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (FunctionPod p : pods) {
            if (query.version().isPresent() && !query.version().get().equals(p.version())) {
                continue;
            }
            Pod pod = client.pods().inNamespace(p.namespace()).withName(p.name()).get();
            if (pod == null || pod.getSpec() == null) {
                continue;
            }
            List<String> containers = pod.getSpec().getContainers().stream().map(Container::getName).toList();
            containers.stream().filter(c -> !seen.contains(c)).forEach(seen::add);
            Optional<String> container = query.container().filter(containers::contains)
                    .or(() -> query.container().isPresent() ? Optional.empty() : ownContainer(pod, containers));
            // only a container that restarted has a previous instance; the API refuses the others
            container.filter(c -> !query.previous() || restarted(pod, c)).ifPresent(c -> streams.add(new Stream(p, c)));
        }
        if (streams.isEmpty() && query.previous() && !seen.isEmpty()) {
            throw new IllegalStateException("No pod of the function has restarted"
                    + query.container().map(c -> " its " + c + " container").orElse("") + ": there is no previous log");
        }
        if (streams.isEmpty() && query.container().isPresent() && !seen.isEmpty()) {
            throw new IllegalStateException("No pod of the function has a container " + query.container().get()
                    + "; its pods have " + String.join(", ", seen));
        }
        return streams;
    }

    private static boolean restarted(Pod pod, String container) {
        return pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null
                && pod.getStatus().getContainerStatuses().stream().anyMatch(c -> container.equals(c.getName())
                && c.getRestartCount() != null && c.getRestartCount() > 0);
    }

    private static Optional<String> ownContainer(Pod pod, List<String> containers) {
        String preferred = pod.getMetadata().getAnnotations() == null ? null
                : pod.getMetadata().getAnnotations().get(DEFAULT_CONTAINER);
        if (preferred != null && containers.contains(preferred)) {
            return Optional.of(preferred);
        }
        return containers.stream().filter(c -> !SIDECAR.equals(c)).findFirst().or(() -> containers.stream().findFirst());
    }

    private static List<LogLine> history(KubernetesClient client, List<Stream> streams, LogQuery query,
                                         ExecutorService readers, Map<Stream, Instant> last) {
        List<Future<Deque<LogLine>>> reads = new ArrayList<>();
        for (Stream s : streams) {
            reads.add(readers.submit(() -> {
                Deque<LogLine> kept = new ArrayDeque<>();
                try (BufferedReader in = new BufferedReader(
                        since(resource(client, s, query), query.since()).tailingLines(HISTORY_PER_POD).getLogReader())) {
                    for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
                        LogLine line = s.line(raw);
                        last.put(s, line.time());
                        if (query.keeps(line)) {
                            if (kept.size() == HISTORY_PER_POD) {
                                kept.removeFirst();
                            }
                            kept.addLast(line);
                        }
                    }
                }
                return kept;
            }));
        }
        List<LogLine> merged = new ArrayList<>();
        for (Future<Deque<LogLine>> read : reads) {
            try {
                merged.addAll(read.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading the pods' logs", e);
            }
        }
        merged.sort(LogLine.BY_TIME);
        return merged;
    }

    private static LogFeed follow(KubernetesClient client, List<Stream> streams, LogQuery query, ExecutorService readers,
                                  Map<Stream, Instant> last, LiveMerge merge, Consumer<List<LogLine>> sink) {
        AtomicBoolean open = new AtomicBoolean(true);
        List<LogWatch> watches = new CopyOnWriteArrayList<>();
        Instant start = Instant.now();
        for (Stream s : streams) {
            readers.execute(() -> {
                while (open.get()) {
                    Instant from = last.getOrDefault(s, start);
                    // sinceTime has whole seconds: lines up to the last one read come again and are skipped
                    try (LogWatch watch = resource(client, s, query)
                            .sinceTime(from.truncatedTo(ChronoUnit.SECONDS).toString()).watchLog()) {
                        watches.add(watch);
                        BufferedReader in = new BufferedReader(new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8));
                        for (String raw = in.readLine(); raw != null && open.get(); raw = in.readLine()) {
                            LogLine line = s.line(raw);
                            if (line.time().isAfter(from)) {
                                last.put(s, line.time());
                                if (query.keeps(line)) {
                                    merge.offer(line);
                                }
                            }
                        }
                        watches.remove(watch);
                    } catch (IllegalStateException e) {
                        // the client was closed (the window or command is ending): nothing more will be read
                        return;
                    } catch (IOException | RuntimeException e) {
                        // the pod went away or the connection dropped: try again, as kubectl -f would not
                    }
                    pause(RECONNECT);
                }
            });
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pod-logs-merge");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(() -> {
            long dropped = merge.takeDropped();
            if (dropped > 0) {
                sink.accept(List.of(new LogLine(Instant.now(), "meshdeck", "", "", dropped
                        + " lines dropped: the pods wrote faster than they could be shown")));
            }
            List<LogLine> ready = merge.ready(Instant.now());
            if (!ready.isEmpty()) {
                sink.accept(ready);
            }
        }, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            open.set(false);
            ticker.shutdownNow();
            watches.forEach(LogWatch::close);
            readers.shutdownNow();
        };
    }

    private static void deliver(List<LogLine> lines, Consumer<List<LogLine>> sink) {
        for (int from = 0; from < lines.size(); from += BATCH) {
            sink.accept(lines.subList(from, Math.min(lines.size(), from + BATCH)));
        }
    }

    private static TimeTailPrettyLoggable resource(KubernetesClient client, Stream s, LogQuery query) {
        ContainerResource container = client.pods().inNamespace(s.pod().namespace()).withName(s.pod().name())
                .inContainer(s.container()).withReadyWaitTimeout(0);
        return query.previous() ? container.usingTimestamps().terminated() : container.usingTimestamps();
    }

    private static TailPrettyLoggable since(TimeTailPrettyLoggable log, Optional<Duration> since) {
        return since.isPresent() ? log.sinceSeconds((int) Math.max(1, since.get().toSeconds())) : log;
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
