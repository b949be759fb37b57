package dev.meshdeck.core.validation.schema;

/**
 * One schema problem of one object.
 *
 * @param pointer  JSON pointer of the offending field (for a missing field: where it should be)
 * @param message  what is wrong and what to do, for a human
 * @param apiServerText how the Kubernetes API server words the same rejection
 *                 ({@code spec.x: Invalid value: ...}), used to compare with Istio's expectations
 * @param judge    which check found it: {@code crd-schema}, {@code crd-cel}, {@code typed-model},
 *                 {@code meshdeck} or {@code registry}
 */
public record Violation(ViolationType type, String pointer, String message, String apiServerText, String judge) {
}
