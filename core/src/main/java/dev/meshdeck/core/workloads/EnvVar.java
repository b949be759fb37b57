package dev.meshdeck.core.workloads;

/** One {@code env} entry of a container: its name and where its value comes from. */
public record EnvVar(String name, EnvValue value) {
}
