package dev.meshdeck.core.validation.schema;

import dev.meshdeck.core.validation.JsonPointers;

/** JSON pointers as people read them. */
final class Paths {

    private Paths() {
    }

    /** "/spec/http/0/route" becomes "spec.http[0].route"; the whole object is "<root>". */
    static String dotted(String pointer) {
        String dotted = JsonPointers.dotted(pointer);
        return dotted.isEmpty() ? "<root>" : dotted;
    }

    static String child(String pointer, String name) {
        if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
            return pointer + "/" + name;
        }
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** The last token of a pointer: the field name. */
    static String leaf(String pointer) {
        int slash = pointer.lastIndexOf('/');
        return pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
    }

    /** A value as it would be written in YAML, shortened. */
    static String show(com.fasterxml.jackson.databind.JsonNode value) {
        String s = value.isTextual() ? "\"" + value.asText() + "\"" : value.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    static String jsonType(com.fasterxml.jackson.databind.JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return "null";
        }
        if (v.isObject()) {
            return "object";
        }
        if (v.isArray()) {
            return "array";
        }
        if (v.isTextual()) {
            return "string";
        }
        if (v.isBoolean()) {
            return "boolean";
        }
        if (v.isIntegralNumber()) {
            return "integer";
        }
        return v.isNumber() ? "number" : v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
