package dev.meshdeck.core.logs;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Which lines to keep: a regular expression in RE2 syntax (linear time, so a pasted pattern cannot hang a
 * follow of many pods), or plain text found anywhere in the line.
 */
public final class LogFilter {

    private final Pattern pattern;
    private final String shown;

    private LogFilter(Pattern pattern, String shown) {
        this.pattern = pattern;
        this.shown = shown;
    }

    /** @throws IllegalArgumentException naming the pattern and what is wrong in it */
    public static LogFilter regex(String expression) {
        try {
            return new LogFilter(Pattern.compile(expression), expression);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(expression + " is not a valid RE2 regular expression: "
                    + e.getDescription(), e);
        }
    }

    /** Lines containing {@code text} as typed, ignoring case. */
    public static LogFilter text(String text) {
        return new LogFilter(Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE), text);
    }

    public boolean matches(LogLine line) {
        return pattern.matcher(line.text()).find();
    }

    @Override
    public String toString() {
        return shown;
    }
}
