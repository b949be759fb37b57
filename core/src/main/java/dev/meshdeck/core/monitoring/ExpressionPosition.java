package dev.meshdeck.core.monitoring;

/** A place inside a PromQL expression's text, 1-based like the file positions it is turned into. */
public record ExpressionPosition(int line, int column) {
}
