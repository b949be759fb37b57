package dev.meshdeck.core.validation.schema;

/** What kind of schema problem a {@link Violation} is; each maps to one MeshDeck code. */
public enum ViolationType {
    /** MD0003: the group is known but not this kind, or the kind is known but not at this apiVersion. */
    UNKNOWN_KIND,
    /** MD0004: a kind of an API group MeshDeck does not know: its fields are not validated. */
    UNKNOWN_GROUP,
    /** MD0005: a known kind for which no schema is available in this mode: its fields are not validated. */
    NO_SCHEMA,
    /** MD0100: a field holds a value of the wrong JSON type. */
    WRONG_TYPE,
    /** MD0101: a value outside the field's enum. */
    UNSUPPORTED_VALUE,
    /** MD0102: a required field is missing. */
    REQUIRED,
    /** MD0103: a number, length, item or property count out of its allowed range. */
    OUT_OF_RANGE,
    /** MD0104: a string that does not have the required format (pattern, duration, URL). */
    INVALID_FORMAT,
    /** MD0105: a rule of the CRD across fields (x-kubernetes-validations, oneOf) is violated. */
    RULE,
    /** MD0106: a field the schema does not define: the API server would silently drop it. */
    UNKNOWN_FIELD
}
