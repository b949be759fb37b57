package dev.meshdeck.core.monitoring;

import dev.meshdeck.core.monitoring.promql.PromQLLexer;
import dev.meshdeck.core.monitoring.promql.PromQLParser;
import dev.meshdeck.core.monitoring.promql.PromQLParserBaseListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTreeWalker;

/**
 * A PromQL expression read with the ANTLR grammar under src/main/antlr4 (Prometheus 2.x syntax): its first
 * syntax error, its label matchers and the durations written in it, each with its place in the text.
 */
public final class PromQlExpression {

    private final Optional<ExpressionProblem> syntaxError;
    private final List<LabelMatcher> matchers;
    private final List<DurationLiteral> durations;
    private final List<SeriesSelector> selectors;

    private PromQlExpression(Optional<ExpressionProblem> syntaxError, List<LabelMatcher> matchers, List<DurationLiteral> durations,
                             List<SeriesSelector> selectors) {
        this.syntaxError = syntaxError;
        this.matchers = matchers;
        this.durations = durations;
        this.selectors = selectors;
    }

    public static PromQlExpression parse(String text) {
        List<ExpressionProblem> problems = new ArrayList<>();
        BaseErrorListener collect = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int column, String msg,
                                    RecognitionException e) {
                problems.add(new ExpressionProblem(new ExpressionPosition(line, column + 1), msg));
            }
        };
        CommonTokenStream tokens = tokens(text, collect);
        PromQLParser.ExpressionContext tree = tree(tokens, collect);
        if (!problems.isEmpty()) {
            // the first error is the one to fix; the parser's recovery makes the later ones guesses
            ExpressionProblem first = problems.stream().min(BY_PLACE).get();
            ExpressionPosition end = endOf(text.stripTrailing());
            // an expression cut short ends in the block scalar's trailing newline: point after its last character
            if (BY_PLACE.compare(first, new ExpressionProblem(end, "")) > 0) {
                first = new ExpressionProblem(end, first.message());
            }
            return new PromQlExpression(Optional.of(first), List.of(), List.of(), List.of());
        }
        List<LabelMatcher> matchers = new ArrayList<>();
        List<SeriesSelector> selectors = new ArrayList<>();
        ParseTreeWalker.DEFAULT.walk(new PromQLParserBaseListener() {
            @Override
            public void exitLabelMatcher(PromQLParser.LabelMatcherContext m) {
                matchers.add(matcher(m));
            }

            @Override
            public void exitInstantSelector(PromQLParser.InstantSelectorContext s) {
                List<LabelMatcher> own = s.labelMatcherList() == null ? List.of()
                        : s.labelMatcherList().labelMatcher().stream().map(PromQlExpression::matcher).toList();
                selectors.add(new SeriesSelector(Optional.ofNullable(s.METRIC_NAME()).map(t -> t.getText()), own));
            }
        }, tree);
        return new PromQlExpression(Optional.empty(), List.copyOf(matchers), durations(tokens.getTokens()), List.copyOf(selectors));
    }

    private static LabelMatcher matcher(PromQLParser.LabelMatcherContext m) {
        Token value = m.STRING().getSymbol();
        return new LabelMatcher(m.labelName().getText(), LabelMatcher.Op.of(m.labelMatcherOperator().getText()),
                unquote(value.getText()), at(value, 0));
    }

    /**
     * The parse tree of an expression, for evaluating it.
     *
     * @throws IllegalArgumentException naming line, column and the first syntax error
     */
    public static PromQLParser.ExpressionContext syntaxTree(String text) {
        parse(text).syntaxError().ifPresent(p -> {
            throw new IllegalArgumentException(p.at().line() + ":" + p.at().column() + ": " + p.message());
        });
        BaseErrorListener none = new BaseErrorListener();
        return tree(tokens(text, none), none);
    }

    /** The expression's tokens, lexing errors going to {@code errors}. */
    private static CommonTokenStream tokens(String text, BaseErrorListener errors) {
        PromQLLexer lexer = new PromQLLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        return new CommonTokenStream(lexer);
    }

    /** The parse tree of the whole expression, syntax errors going to {@code errors}. */
    private static PromQLParser.ExpressionContext tree(CommonTokenStream tokens, BaseErrorListener errors) {
        PromQLParser parser = new PromQLParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        return parser.expression();
    }

    private static final Comparator<ExpressionProblem> BY_PLACE = Comparator
            .comparingInt((ExpressionProblem p) -> p.at().line()).thenComparingInt(p -> p.at().column());

    /** The place just after the last character of {@code text}. */
    private static ExpressionPosition endOf(String text) {
        int lastLine = text.lastIndexOf('\n');
        return new ExpressionPosition((int) text.chars().filter(c -> c == '\n').count() + 1, text.length() - lastLine);
    }

    /** The durations of range selectors, subqueries and offsets, in the order written. */
    private static List<DurationLiteral> durations(List<Token> tokens) {
        List<DurationLiteral> found = new ArrayList<>();
        for (Token t : tokens) {
            String s = t.getText();
            switch (t.getType()) {
                case PromQLLexer.DURATION -> found.add(new DurationLiteral(s, at(t, 0)));
                case PromQLLexer.TIME_RANGE -> found.add(new DurationLiteral(s.substring(1, s.length() - 1), at(t, 1)));
                case PromQLLexer.SUBQUERY_RANGE -> {
                    int colon = s.indexOf(':');
                    found.add(new DurationLiteral(s.substring(1, colon), at(t, 1)));
                    if (colon + 1 < s.length() - 1) {
                        found.add(new DurationLiteral(s.substring(colon + 1, s.length() - 1), at(t, colon + 1)));
                    }
                }
                default -> {
                }
            }
        }
        return List.copyOf(found);
    }

    private static ExpressionPosition at(Token t, int offset) {
        return new ExpressionPosition(t.getLine(), t.getCharPositionInLine() + 1 + offset);
    }

    /** A PromQL string literal's value: Go's quoting rules for "..." and '...', raw between backticks. */
    public static String unquote(String literal) {
        char quote = literal.charAt(0);
        String body = literal.substring(1, literal.length() - 1);
        if (quote == '`') {
            return body;
        }
        StringBuilder s = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                s.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'a' -> s.append('\u0007');
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'v' -> s.append('\u000b');
                case 'x', 'u', 'U' -> {
                    int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    int end = Math.min(body.length(), i + 1 + len);
                    try {
                        s.appendCodePoint(Integer.parseInt(body.substring(i + 1, end), 16));
                        i = end - 1;
                    } catch (IllegalArgumentException notHex) {
                        s.append(e); // Prometheus refuses it too; the matcher check reports the value as written
                    }
                }
                default -> s.append(e);
            }
        }
        return s.toString();
    }

    /** The first syntax error, when the expression cannot be read; then matchers and durations are empty. */
    public Optional<ExpressionProblem> syntaxError() {
        return syntaxError;
    }

    public List<LabelMatcher> matchers() {
        return matchers;
    }

    public List<DurationLiteral> durations() {
        return durations;
    }

    /** Every series selector ({@code metric{...}}, {@code {...}}) in the order written, each with its own matchers. */
    public List<SeriesSelector> selectors() {
        return selectors;
    }
}
