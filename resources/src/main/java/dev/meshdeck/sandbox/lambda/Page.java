package dev.meshdeck.sandbox.lambda;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a Lambda list call. The marker is the key of the last item returned, so a page stays
 * correct while items are added or removed between calls.
 */
record Page<T>(List<T> items, String nextMarker) {

    static final int MAX_ITEMS = 50;

    static <T> Page<T> of(List<T> sorted, Function<T, String> key, Comparator<String> order, String marker,
                          Integer maxItems) {
        int max = maxItems == null ? MAX_ITEMS : maxItems;
        if (max < 1) {
            throw LambdaException.invalidParameter("MaxItems must be at least 1, got " + max);
        }
        max = Math.min(max, MAX_ITEMS);
        int from = 0;
        if (marker != null && !marker.isEmpty()) {
            while (from < sorted.size() && order.compare(key.apply(sorted.get(from)), marker) <= 0) {
                from++;
            }
        }
        int to = Math.min(sorted.size(), from + max);
        List<T> items = List.copyOf(sorted.subList(from, to));
        String next = to < sorted.size() ? key.apply(sorted.get(to - 1)) : null;
        return new Page<>(items, next);
    }
}
