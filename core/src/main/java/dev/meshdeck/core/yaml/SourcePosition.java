package dev.meshdeck.core.yaml;

/** A place in an input file, 1-based as editors and compilers show it. */
public record SourcePosition(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
