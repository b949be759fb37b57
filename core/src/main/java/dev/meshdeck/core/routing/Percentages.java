package dev.meshdeck.core.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Whole percentages over N targets that always total 100 — the arithmetic behind every weight slider.
 *
 * <p>Rebalance rule, used when the user moves one slider ({@link #set}): the moved target takes exactly the
 * new value and the others share the remainder {@code 100 - value} <em>in proportion to their previous
 * values</em>, so their relative split is kept (70/20/10, first set to 40 → 40/40/20). When the others
 * were all 0 they share the remainder evenly. Rounding uses the largest-remainder method; ties go to the
 * earlier target, so the result is deterministic and sums to exactly 100.
 */
public record Percentages(List<Integer> values) {

    public Percentages {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a traffic split needs at least one target");
        }
        int total = 0;
        for (int v : values) {
            if (v < 0 || v > 100) {
                throw new IllegalArgumentException("percentage " + v + " is outside 0-100");
            }
            total += v;
        }
        if (total != 100) {
            throw new IllegalArgumentException("percentages " + values + " total " + total + ", not 100");
        }
    }

    public static Percentages of(int... values) {
        return new Percentages(IntStream.of(values).boxed().toList());
    }

    /** 100 split as evenly as whole numbers allow; the first targets get the leftover points. */
    public static Percentages evenly(int count) {
        return new Percentages(apportion(100, IntStream.range(0, count).mapToObj(i -> 1L).toList()));
    }

    /**
     * Scales arbitrary non-negative weights (as found on a live object, which Istio normalises) to whole
     * percentages totalling 100. All-zero weights become an even split.
     */
    public static Percentages normalised(List<? extends Number> raw) {
        List<Long> weights = raw.stream().map(n -> n == null ? 0L : Math.max(0L, Math.round(n.doubleValue() * 1000))).toList();
        if (weights.stream().mapToLong(Long::longValue).sum() == 0) {
            return evenly(raw.size());
        }
        return new Percentages(apportion(100, weights));
    }

    public int size() {
        return values.size();
    }

    public int get(int index) {
        return values.get(index);
    }

    /** Sets one target to {@code value} and rebalances the others as described in the class comment. */
    public Percentages set(int index, int value) {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException("percentage " + value + " is outside 0-100");
        }
        if (values.size() == 1) {
            if (value != 100) {
                throw new IllegalArgumentException("a single target always receives 100%; add a second one first");
            }
            return this;
        }
        List<Long> others = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (i != index) {
                others.add((long) values.get(i));
            }
        }
        if (others.stream().mapToLong(Long::longValue).sum() == 0) {
            others.replaceAll(v -> 1L);
        }
        List<Integer> shared = apportion(100 - value, others);
        List<Integer> result = new ArrayList<>(shared);
        result.add(index, value);
        return new Percentages(result);
    }

    /** Moves {@code points} from every other target to this one (negative: back), clamped to 0-100. */
    public Percentages shift(int index, int points) {
        return set(index, Math.max(0, Math.min(100, values.get(index) + points)));
    }

    /** Adds a target with {@code value}, taking it from the existing targets proportionally. */
    public Percentages add(int value) {
        List<Integer> extended = new ArrayList<>(values);
        extended.add(0);
        // the new target starts at 0 so the sum stays 100, then takes its share like any moved slider
        return new Percentages(extended).set(extended.size() - 1, value);
    }

    /** Removes a target; its share goes to the others proportionally (evenly if they were all 0). */
    public Percentages remove(int index) {
        if (values.size() == 1) {
            throw new IllegalArgumentException("cannot remove the only target of a split");
        }
        List<Long> rest = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (i != index) {
                rest.add((long) values.get(i));
            }
        }
        if (rest.stream().mapToLong(Long::longValue).sum() == 0) {
            rest.replaceAll(v -> 1L);
        }
        return new Percentages(apportion(100, rest));
    }

    /** Largest-remainder apportionment of {@code total} points over {@code weights} (not all zero). */
    static List<Integer> apportion(int total, List<Long> weights) {
        long sum = weights.stream().mapToLong(Long::longValue).sum();
        int[] result = new int[weights.size()];
        long[] remainders = new long[weights.size()];
        int given = 0;
        for (int i = 0; i < weights.size(); i++) {
            long scaled = weights.get(i) * total;
            result[i] = (int) (scaled / sum);
            remainders[i] = scaled % sum;
            given += result[i];
        }
        List<Integer> order = IntStream.range(0, weights.size()).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> -remainders[i]).thenComparingInt(i -> i))
                .toList();
        for (int k = 0; given < total; k++, given++) {
            result[order.get(k)]++;
        }
        return IntStream.of(result).boxed().toList();
    }
}
