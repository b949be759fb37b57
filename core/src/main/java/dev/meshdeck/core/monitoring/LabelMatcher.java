package dev.meshdeck.core.monitoring;

/**
 * One {@code label op "value"} of a selector, with the value unquoted as Prometheus reads it.
 *
 * @param valueAt where the quoted value starts in the expression
 */
public record LabelMatcher(String label, Op op, String value, ExpressionPosition valueAt) {

    /**
     * Whether a series whose {@code label} has this value (empty when absent) is selected, as Prometheus decides it:
     * regexes are RE2, anchored. An invalid regex matches nothing (Prometheus refuses the whole expression).
     */
    public boolean matches(String labelValue) {
        return switch (op) {
            case EQUAL -> value.equals(labelValue);
            case NOT_EQUAL -> !value.equals(labelValue);
            case REGEX, NOT_REGEX -> {
                try {
                    yield com.google.re2j.Pattern.compile(value).matcher(labelValue).matches() == (op == Op.REGEX);
                } catch (com.google.re2j.PatternSyntaxException invalid) {
                    yield false;
                }
            }
        };
    }

    /** The four matching operators of PromQL. */
    public enum Op {
        EQUAL("="), NOT_EQUAL("!="), REGEX("=~"), NOT_REGEX("!~");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        /** True for {@code =~} and {@code !~}, whose value is an RE2 regular expression. */
        public boolean regex() {
            return this == REGEX || this == NOT_REGEX;
        }

        static Op of(String symbol) {
            for (Op op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            throw new IllegalArgumentException("not a label matcher operator: " + symbol);
        }
    }
}
