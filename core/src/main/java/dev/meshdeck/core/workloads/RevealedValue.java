package dev.meshdeck.core.workloads;

/**
 * A masked value (a Secret key's, a credential-looking ConfigMap key's) that a person asked to see: read on demand,
 * shown in one place and dropped. It prints as the mask, so that it cannot reach a log or a message by accident.
 */
public final class RevealedValue {

    private final String text;

    public RevealedValue(String text) {
        this.text = text;
    }

    /** The value itself: only for the one cell that shows it. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return EnvValue.MASK;
    }
}
