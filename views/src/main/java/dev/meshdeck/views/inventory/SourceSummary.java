package dev.meshdeck.views.inventory;

import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.SourceStatus;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One source as the tree and the status bar show it: its connection state and how many functions of each
 * platform it holds.
 *
 * @param perPlatform only platforms with at least one function, in {@link Platform} order
 */
public record SourceSummary(SourceRef source, SourceStatus status, int total, Map<Platform, Integer> perPlatform) {

    public SourceSummary {
        Map<Platform, Integer> ordered = new EnumMap<>(Platform.class);
        ordered.putAll(perPlatform);
        perPlatform = Collections.unmodifiableMap(ordered);
    }

    /**
     * Summarises every source, kube contexts first, then AWS regions, each group in the order given.
     * A source without a reported status counts as connecting.
     */
    public static List<SourceSummary> of(Collection<SourceRef> sources,
                                         Function<SourceRef, SourceStatus> statusOf,
                                         Collection<ServerlessFunction> functions) {
        Map<SourceRef, Map<Platform, Integer>> counts = new LinkedHashMap<>();
        sources.forEach(s -> counts.put(s, new EnumMap<>(Platform.class)));
        for (ServerlessFunction f : functions) {
            counts.computeIfAbsent(f.source(), s -> new EnumMap<>(Platform.class))
                    .merge(f.platform(), 1, Integer::sum);
        }
        List<SourceSummary> kube = new ArrayList<>();
        List<SourceSummary> aws = new ArrayList<>();
        counts.forEach((source, perPlatform) -> {
            SourceStatus status = statusOf.apply(source);
            SourceSummary summary = new SourceSummary(source,
                    status == null ? SourceStatus.connecting(source) : status,
                    perPlatform.values().stream().mapToInt(Integer::intValue).sum(),
                    perPlatform);
            (source instanceof SourceRef.KubeContext ? kube : aws).add(summary);
        });
        kube.addAll(aws);
        return kube;
    }
}
