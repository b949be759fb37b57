package dev.meshdeck.core.changes.history;

import dev.meshdeck.core.validation.Finding;

/**
 * A validation error a forced change set was written despite, as the history and audit log keep it.
 *
 * @param resource "VirtualService serverless/order-function"
 * @param path     the field, as a dotted path ({@code spec.http[0].route[0].destination.subset}), or ""
 */
public record OverriddenFinding(String code, String severity, String resource, String path, String message) {

    public static OverriddenFinding of(Finding f) {
        return new OverriddenFinding(f.code(), f.severity().label(), f.resource().toString(), f.path(), f.message());
    }
}
