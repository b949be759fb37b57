package dev.meshdeck.core.yaml;

/** Input that cannot be read as YAML: syntax errors, hostile structures, oversized documents. */
public final class YamlProblem extends Exception {

    private final SourcePosition position;
    private final String reason;

    public YamlProblem(SourcePosition position, String reason) {
        super(position + ": " + reason);
        this.position = position;
        this.reason = reason;
    }

    public SourcePosition position() {
        return position;
    }

    /** The message without the position prefix. */
    public String reason() {
        return reason;
    }
}
