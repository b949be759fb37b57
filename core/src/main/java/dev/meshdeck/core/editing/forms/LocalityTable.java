package dev.meshdeck.core.editing.forms;

import dev.meshdeck.core.resilience.LocalityLoadBalancing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The locality load-balancing tables as a view edits them, row by row: a distribute table
 * (from -> to -> percent; each {@code from} totals 100) or a failover table (from region -> to region).
 * The table may be inconsistent while the user types; {@link #problems()} says what is wrong and
 * {@link #toLocality} refuses it until it is fixed.
 */
public record LocalityTable(List<DistributeRow> distribute, List<FailoverRow> failover) {

    /** Traffic from locality {@code from} sends {@code percent} to locality {@code to} (region/zone/subzone, * allowed). */
    public record DistributeRow(String from, String to, int percent) {
    }

    /** When region {@code from} has no healthy endpoints, its traffic goes to region {@code to}. */
    public record FailoverRow(String from, String to) {
    }

    public LocalityTable {
        distribute = distribute == null ? List.of() : List.copyOf(distribute);
        failover = failover == null ? List.of() : List.copyOf(failover);
    }

    public static LocalityTable empty() {
        return new LocalityTable(List.of(), List.of());
    }

    public static LocalityTable from(LocalityLoadBalancing locality) {
        if (locality == null) {
            return empty();
        }
        List<DistributeRow> rows = new ArrayList<>();
        for (LocalityLoadBalancing.Distribute d : locality.distribute()) {
            d.to().forEach((to, percent) -> rows.add(new DistributeRow(d.from(), to, percent)));
        }
        List<FailoverRow> failover = locality.failover().stream().map(f -> new FailoverRow(f.from(), f.to())).toList();
        return new LocalityTable(rows, failover);
    }

    public boolean isEmpty() {
        return distribute.isEmpty() && failover.isEmpty();
    }

    public LocalityTable addingDistribute(String from, String to, int percent) {
        List<DistributeRow> rows = new ArrayList<>(distribute);
        rows.add(new DistributeRow(from, to, percent));
        return new LocalityTable(rows, failover);
    }

    public LocalityTable withDistribute(int index, DistributeRow row) {
        return new LocalityTable(Trees.with(distribute, index, row), failover);
    }

    public LocalityTable removingDistribute(int index) {
        return new LocalityTable(Trees.removing(distribute, index), failover);
    }

    public LocalityTable addingFailover(String from, String to) {
        List<FailoverRow> rows = new ArrayList<>(failover);
        rows.add(new FailoverRow(from, to));
        return new LocalityTable(distribute, rows);
    }

    public LocalityTable withFailover(int index, FailoverRow row) {
        return new LocalityTable(distribute, Trees.with(failover, index, row));
    }

    public LocalityTable removingFailover(int index) {
        return new LocalityTable(distribute, Trees.removing(failover, index));
    }

    /** Sum of the percentages of the rows from {@code from}. */
    public int totalFrom(String from) {
        return distribute.stream().filter(r -> from.equals(r.from())).mapToInt(DistributeRow::percent).sum();
    }

    /** What keeps this table from being applied, one message per problem; empty when it is valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!distribute.isEmpty() && !failover.isEmpty()) {
            problems.add("Istio takes either a distribute table or a failover table, not both: clear one of them");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < distribute.size(); i++) {
            DistributeRow r = distribute.get(i);
            String row = "distribute row " + (i + 1);
            if (blank(r.from()) || blank(r.to())) {
                problems.add(row + " needs both a 'from' and a 'to' locality (region/zone/subzone, * allowed)");
                continue;
            }
            if (r.percent() < 0 || r.percent() > 100) {
                problems.add(row + ": " + r.percent() + "% is outside 0-100");
            }
            if (!seen.add(r.from() + "\n" + r.to())) {
                problems.add(row + " repeats " + r.from() + " -> " + r.to() + "; merge the two rows");
            }
        }
        for (String from : fromsInOrder()) {
            int total = totalFrom(from);
            if (total != 100) {
                problems.add("traffic from " + from + " totals " + total + "%, not 100%: change the rows from " + from
                        + " so their percentages add up to 100");
            }
        }
        Set<String> failoverFroms = new HashSet<>();
        for (int i = 0; i < failover.size(); i++) {
            FailoverRow r = failover.get(i);
            String row = "failover row " + (i + 1);
            if (blank(r.from()) || blank(r.to())) {
                problems.add(row + " needs both a 'from' and a 'to' region");
            } else if (r.from().equals(r.to())) {
                problems.add(row + " fails over from " + r.from() + " to itself; pick another region");
            } else if (!failoverFroms.add(r.from())) {
                problems.add(row + ": region " + r.from() + " already fails over elsewhere; keep one row per region");
            }
        }
        return problems;
    }

    /**
     * The locality setting for the DestinationRule; null when both tables are empty.
     *
     * @param enabled          Istio's {@code enabled} flag as it was (null: unset)
     * @param failoverPriority kept as it was; only allowed beside a failover table
     * @throws IllegalArgumentException with every problem when the table is not valid
     */
    public LocalityLoadBalancing toLocality(Boolean enabled, List<String> failoverPriority) {
        List<String> problems = problems();
        if (!distribute.isEmpty() && failoverPriority != null && !failoverPriority.isEmpty()) {
            problems.add("failoverPriority is set; Istio does not allow it beside a distribute table: remove it first");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        if (isEmpty() && (failoverPriority == null || failoverPriority.isEmpty())) {
            return null;
        }
        List<LocalityLoadBalancing.Distribute> rules = new ArrayList<>();
        for (String from : fromsInOrder()) {
            Map<String, Integer> to = new LinkedHashMap<>();
            distribute.stream().filter(r -> from.equals(r.from())).forEach(r -> to.put(r.to(), r.percent()));
            rules.add(new LocalityLoadBalancing.Distribute(from, to));
        }
        List<LocalityLoadBalancing.Failover> fo = failover.stream()
                .map(r -> new LocalityLoadBalancing.Failover(r.from(), r.to())).toList();
        return new LocalityLoadBalancing(enabled, rules, fo, failoverPriority);
    }

    private List<String> fromsInOrder() {
        List<String> froms = new ArrayList<>();
        for (DistributeRow r : distribute) {
            if (!blank(r.from()) && !froms.contains(r.from())) {
                froms.add(r.from());
            }
        }
        return froms;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
