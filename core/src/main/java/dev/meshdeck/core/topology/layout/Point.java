package dev.meshdeck.core.topology.layout;

/** A position in graph coordinates (pixels at zoom 1). */
public record Point(double x, double y) {
}
