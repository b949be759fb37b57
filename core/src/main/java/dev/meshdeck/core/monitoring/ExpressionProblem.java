package dev.meshdeck.core.monitoring;

/** Why a PromQL expression cannot be read, and where in its text. */
public record ExpressionProblem(ExpressionPosition at, String message) {
}
