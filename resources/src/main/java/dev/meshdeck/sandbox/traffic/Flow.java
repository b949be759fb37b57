package dev.meshdeck.sandbox.traffic;

import dev.meshdeck.core.telemetry.ServiceRef;

/** Requests flowing right now from a caller's workload to one routed version, and how that version answers. */
record Flow(ServiceRef source, String sourceWorkload, RoutedVersion to, double rps, ResponseProfile profile) {
}
