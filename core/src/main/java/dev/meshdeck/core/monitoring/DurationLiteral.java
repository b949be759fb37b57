package dev.meshdeck.core.monitoring;

/** A duration written in a PromQL expression ({@code [5m]}, {@code offset 1h}, {@code [30m:1m]}). */
public record DurationLiteral(String text, ExpressionPosition at) {
}
