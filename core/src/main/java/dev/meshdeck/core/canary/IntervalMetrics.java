package dev.meshdeck.core.canary;

/** The candidate's and the stable version's figures over the same interval. */
public record IntervalMetrics(VersionFigures candidate, VersionFigures stable) {
}
