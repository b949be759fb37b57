package dev.meshdeck.core.validation;

/** What kind of check found a problem. */
public enum Category {
    /** The input is not readable YAML or not a Kubernetes object. */
    SYNTAX,
    /** A field has the wrong type, an unknown enum value, is out of range or missing. */
    SCHEMA,
    /** The object is well-formed but means something wrong or ineffective. */
    SEMANTIC,
    /** The object refers to something that does not exist or conflicts with another object. */
    REFERENCE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
