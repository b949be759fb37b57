package dev.meshdeck.core.monitoring.evaluation;

import com.google.re2j.Pattern;
import dev.meshdeck.core.monitoring.PromDuration;
import dev.meshdeck.core.monitoring.PromQlExpression;
import dev.meshdeck.core.monitoring.promql.PromQLParser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Predicate;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Evaluates PromQL over a {@link SampleHistory}, walking the parse tree of {@link PromQlExpression}: the subset
 * alerting and recording rules on Istio's metrics use, which is what the sandbox's Prometheus needs. Selectors
 * with all four matchers (regexes as RE2, anchored), {@code rate}, {@code irate}, {@code increase},
 * {@code histogram_quantile}, {@code vector}, {@code sum/avg/min/max/count} by or without labels, arithmetic,
 * comparisons (filtering, or 0/1 with {@code bool}), {@code and}, {@code or}, {@code unless}, one-to-one vector
 * matching with {@code on}/{@code ignoring}. Anything else is refused by name, never answered wrongly.
 */
public final class PromQlEvaluator {

    private final SampleHistory history;

    public PromQlEvaluator(SampleHistory history) {
        this.history = history;
    }

    /**
     * @throws IllegalArgumentException when the expression does not parse or uses what this evaluator lacks
     */
    public Value evaluate(String expression, Instant at) {
        return evaluate(PromQlExpression.syntaxTree(expression), at);
    }

    /** The same for an expression parsed once (a rule evaluated again and again). */
    public Value evaluate(PromQLParser.ExpressionContext tree, Instant at) {
        return new Walk(at).operation(tree.vectorOperation());
    }

    private final class Walk {
        private final Instant at;

        Walk(Instant at) {
            this.at = at;
        }

        Value operation(PromQLParser.VectorOperationContext op) {
            if (op.vector() != null) {
                return vector(op.vector());
            }
            if (op.unaryOp() != null) {
                Value v = operation(op.vectorOperation(0));
                return op.unaryOp().SUB() == null ? v : arithmetic(new Value.Scalar(-1), v, (a, b) -> a * b, null);
            }
            if (op.subqueryOp() != null || op.AT() != null || op.vectorMatchOp() != null) {
                throw unsupported(op.getText());
            }
            Value left = operation(op.vectorOperation(0));
            Value right = operation(op.vectorOperation(1));
            if (op.powOp() != null) {
                return arithmetic(left, right, Math::pow, op.powOp().grouping());
            }
            if (op.multOp() != null) {
                PromQLParser.MultOpContext m = op.multOp();
                DoubleBinaryOperator f = m.MULT() != null ? (a, b) -> a * b : m.DIV() != null ? (a, b) -> a / b : (a, b) -> a % b;
                return arithmetic(left, right, f, m.grouping());
            }
            if (op.addOp() != null) {
                DoubleBinaryOperator f = op.addOp().ADD() != null ? Double::sum : (a, b) -> a - b;
                return arithmetic(left, right, f, op.addOp().grouping());
            }
            if (op.compareOp() != null) {
                return compare(left, right, op.compareOp());
            }
            if (op.andUnlessOp() != null) {
                boolean and = op.andUnlessOp().AND() != null;
                Set<Map<String, String>> matched = signatures(vectorOf(right, "and/unless"), op.andUnlessOp().grouping());
                return new Value.Vector(vectorOf(left, "and/unless").stream()
                        .filter(s -> matched.contains(signature(s, op.andUnlessOp().grouping())) == and).toList());
            }
            // or: the left side, and the right side's series the left lacks
            List<Sample> result = new ArrayList<>(vectorOf(left, "or"));
            Set<Map<String, String>> present = signatures(result, op.orOp().grouping());
            vectorOf(right, "or").stream().filter(s -> !present.contains(signature(s, op.orOp().grouping()))).forEach(result::add);
            return new Value.Vector(result);
        }

        Value vector(PromQLParser.VectorContext v) {
            if (v.parens() != null) {
                return operation(v.parens().vectorOperation());
            }
            if (v.literal() != null) {
                return literal(v.literal());
            }
            if (v.instantSelector() != null) {
                return new Value.Vector(history.instant(selector(v.instantSelector()), at));
            }
            if (v.matrixSelector() != null) {
                PromQLParser.MatrixSelectorContext m = v.matrixSelector();
                String range = m.TIME_RANGE().getText();
                Duration length = PromDuration.parse(range.substring(1, range.length() - 1))
                        .orElseThrow(() -> new IllegalArgumentException("not a duration: " + range));
                return new Value.Matrix(history.range(selector(m.instantSelector()), at, length));
            }
            if (v.function_() != null) {
                return function(v.function_());
            }
            if (v.aggregation() != null) {
                return aggregation(v.aggregation());
            }
            throw unsupported(v.getText());
        }

        Value literal(PromQLParser.LiteralContext l) {
            if (l.NUMBER() == null) {
                throw unsupported(l.getText());
            }
            String n = l.getText().toLowerCase(java.util.Locale.ROOT);
            return new Value.Scalar(switch (n) {
                case "inf" -> Double.POSITIVE_INFINITY;
                case "nan" -> Double.NaN;
                default -> n.startsWith("0x") ? Long.parseLong(n.substring(2), 16) : Double.parseDouble(n);
            });
        }

        Value function(PromQLParser.Function_Context f) {
            String name = f.FUNCTION().getText();
            List<Value> args = f.parameter().stream()
                    .map(p -> p.literal() != null ? literal(p.literal()) : operation(p.vectorOperation())).toList();
            return switch (name) {
                case "rate" -> new Value.Vector(Counters.rate(matrixOf(args, name), true));
                case "increase" -> new Value.Vector(Counters.rate(matrixOf(args, name), false));
                case "irate" -> new Value.Vector(Counters.irate(matrixOf(args, name)));
                case "histogram_quantile" -> {
                    if (args.size() != 2 || !(args.get(0) instanceof Value.Scalar q)) {
                        throw new IllegalArgumentException("histogram_quantile takes a quantile and a vector");
                    }
                    yield new Value.Vector(Histograms.quantile(q.value(), vectorOf(args.get(1), name)));
                }
                case "vector" -> {
                    if (args.size() != 1 || !(args.get(0) instanceof Value.Scalar s)) {
                        throw new IllegalArgumentException("vector takes one scalar");
                    }
                    yield new Value.Vector(List.of(new Sample(Map.of(), s.value())));
                }
                default -> throw unsupported(name + "()");
            };
        }

        Value aggregation(PromQLParser.AggregationContext a) {
            String op = a.AGGREGATION_OPERATOR().getText();
            List<PromQLParser.ParameterContext> params = a.parameterList().parameter();
            if (params.size() != 1 || params.get(0).vectorOperation() == null) {
                throw unsupported(op + " with " + params.size() + " parameters");
            }
            List<Sample> input = vectorOf(operation(params.get(0).vectorOperation()), op);
            boolean without = a.without() != null;
            Set<String> names = a.by() != null ? labelNames(a.by().labelNameList())
                    : without ? labelNames(a.without().labelNameList()) : Set.of();
            Map<Map<String, String>, List<Double>> groups = new LinkedHashMap<>();
            for (Sample s : input) {
                Map<String, String> key = new TreeMap<>();
                s.labels().forEach((k, v) -> {
                    if (!k.equals(Sample.NAME) && names.contains(k) != without) {
                        key.put(k, v);
                    }
                });
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s.value());
            }
            List<Sample> result = new ArrayList<>();
            groups.forEach((key, values) -> result.add(new Sample(key, switch (op) {
                case "sum" -> values.stream().mapToDouble(Double::doubleValue).sum();
                case "avg" -> values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                case "max" -> values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
                case "min" -> values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
                case "count" -> values.size();
                default -> throw unsupported(op);
            })));
            return new Value.Vector(result);
        }
    }

    private static Predicate<Map<String, String>> selector(PromQLParser.InstantSelectorContext s) {
        List<Predicate<Map<String, String>>> tests = new ArrayList<>();
        if (s.METRIC_NAME() != null) {
            String name = s.METRIC_NAME().getText();
            tests.add(labels -> name.equals(labels.get(Sample.NAME)));
        }
        if (s.labelMatcherList() != null) {
            for (PromQLParser.LabelMatcherContext m : s.labelMatcherList().labelMatcher()) {
                String label = m.labelName().getText();
                String value = PromQlExpression.unquote(m.STRING().getText());
                PromQLParser.LabelMatcherOperatorContext op = m.labelMatcherOperator();
                Pattern regex = op.RE() != null || op.NRE() != null ? Pattern.compile(value) : null;
                // Prometheus anchors matcher regexes (matches() does too); an absent label matches as ""
                Predicate<String> test = op.EQ() != null ? value::equals
                        : op.NE() != null ? v -> !v.equals(value)
                        : op.RE() != null ? v -> regex.matcher(v).matches()
                        : v -> !regex.matcher(v).matches();
                tests.add(labels -> test.test(labels.getOrDefault(label, "")));
            }
        }
        return labels -> tests.stream().allMatch(t -> t.test(labels));
    }

    private static Set<String> labelNames(PromQLParser.LabelNameListContext list) {
        return list.labelName().stream().map(ParseTree::getText).collect(java.util.stream.Collectors.toSet());
    }

    private static List<Sample> vectorOf(Value v, String where) {
        if (v instanceof Value.Vector vector) {
            return vector.samples();
        }
        throw new IllegalArgumentException(where + " expects an instant vector");
    }

    private static List<SampleHistory.Range> matrixOf(List<Value> args, String function) {
        if (args.size() == 1 && args.get(0) instanceof Value.Matrix m) {
            return m.series();
        }
        throw new IllegalArgumentException(function + " expects one range vector, e.g. " + function + "(x[5m])");
    }

    /** The labels two samples are matched on: all but the name, or those {@code on(...)}/not {@code ignoring(...)}. */
    private static Map<String, String> signature(Sample s, PromQLParser.GroupingContext grouping) {
        Map<String, String> key = new TreeMap<>(s.labels());
        key.remove(Sample.NAME);
        if (grouping != null) {
            if (grouping.groupLeft() != null || grouping.groupRight() != null) {
                throw unsupported("group_left/group_right");
            }
            Set<String> names = labelNames(grouping.on_() != null ? grouping.on_().labelNameList()
                    : grouping.ignoring().labelNameList());
            key.keySet().removeIf(k -> names.contains(k) != (grouping.on_() != null));
        }
        return key;
    }

    private static Set<Map<String, String>> signatures(List<Sample> samples, PromQLParser.GroupingContext grouping) {
        Set<Map<String, String>> result = new java.util.HashSet<>();
        samples.forEach(s -> result.add(signature(s, grouping)));
        return result;
    }

    private static Value arithmetic(Value left, Value right, DoubleBinaryOperator f, PromQLParser.GroupingContext grouping) {
        return binary(left, right, grouping, (l, r, labels) -> List.of(new Sample(Counters.withoutName(labels), f.applyAsDouble(l, r))),
                (l, r) -> f.applyAsDouble(l, r));
    }

    private static Value compare(Value left, Value right, PromQLParser.CompareOpContext op) {
        PromQLParser.CompareOpContext c = op;
        java.util.function.BiPredicate<Double, Double> holds = c.GT() != null ? (a, b) -> a > b : c.LT() != null ? (a, b) -> a < b
                : c.GE() != null ? (a, b) -> a >= b : c.LE() != null ? (a, b) -> a <= b
                : c.DEQ() != null ? (a, b) -> a.doubleValue() == b.doubleValue() : (a, b) -> a.doubleValue() != b.doubleValue();
        boolean bool = c.BOOL() != null;
        // a filter keeps the vector side's value (the left one between two vectors), as Prometheus does
        boolean scalarLeft = left instanceof Value.Scalar;
        return binary(left, right, c.grouping(), (l, r, labels) -> bool
                        ? List.of(new Sample(Counters.withoutName(labels), holds.test(l, r) ? 1 : 0))
                        : holds.test(l, r) ? List.of(new Sample(labels, scalarLeft ? r : l)) : List.of(),
                (l, r) -> holds.test(l, r) ? 1.0 : 0.0);
    }

    private interface SampleOp {
        List<Sample> apply(double left, double right, Map<String, String> labels);
    }

    private static Value binary(Value left, Value right, PromQLParser.GroupingContext grouping, SampleOp op,
                                java.util.function.BinaryOperator<Double> scalars) {
        if (left instanceof Value.Scalar l && right instanceof Value.Scalar r) {
            return new Value.Scalar(scalars.apply(l.value(), r.value()));
        }
        List<Sample> result = new ArrayList<>();
        if (right instanceof Value.Scalar r) {
            vectorOf(left, "a binary operator").forEach(s -> result.addAll(op.apply(s.value(), r.value(), s.labels())));
        } else if (left instanceof Value.Scalar l) {
            vectorOf(right, "a binary operator").forEach(s -> result.addAll(op.apply(l.value(), s.value(), s.labels())));
        } else {
            Map<Map<String, String>, Sample> rights = new HashMap<>();
            for (Sample s : vectorOf(right, "a binary operator")) {
                if (rights.put(signature(s, grouping), s) != null) {
                    throw new IllegalArgumentException("many-to-many matching: the right side has two series with labels "
                            + signature(s, grouping));
                }
            }
            for (Sample s : vectorOf(left, "a binary operator")) {
                Sample match = rights.get(signature(s, grouping));
                if (match != null) {
                    // the result carries the matched labels when matching on some, else the left side's
                    Map<String, String> labels = grouping != null && grouping.on_() != null ? signature(s, grouping) : s.labels();
                    result.addAll(op.apply(s.value(), match.value(), labels));
                }
            }
        }
        return new Value.Vector(result);
    }

    private static IllegalArgumentException unsupported(String what) {
        return new IllegalArgumentException("the sandbox's PromQL evaluator does not support " + what);
    }
}
