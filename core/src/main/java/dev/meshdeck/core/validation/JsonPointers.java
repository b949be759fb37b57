package dev.meshdeck.core.validation;

import com.fasterxml.jackson.databind.JsonNode;

/** JSON pointers as people read them: "/spec/http/0/route" is "spec.http[0].route". */
public final class JsonPointers {

    private JsonPointers() {
    }

    /** Without the object, a numeric token is read as an array index. "" for the whole object. */
    public static String dotted(String pointer) {
        return dotted(null, pointer);
    }

    /**
     * With the object at hand, a numeric token is an index only inside an array: a map key such as a Lambda
     * version ("4") or a port ("8080") stays a key, written in brackets when it is not a plain name.
     */
    public static String dotted(JsonNode root, String pointer) {
        StringBuilder s = new StringBuilder();
        JsonNode node = root;
        for (String token : pointer.split("/")) {
            if (token.isEmpty()) {
                continue;
            }
            String t = token.replace("~1", "/").replace("~0", "~");
            boolean index = node != null ? node.isArray() : t.chars().allMatch(Character::isDigit);
            if (index) {
                s.append('[').append(t).append(']');
            } else if (t.isEmpty() || !t.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')
                    || Character.isDigit(t.charAt(0))) {
                s.append("[").append(t).append(']');
            } else {
                if (s.length() > 0) {
                    s.append('.');
                }
                s.append(t);
            }
            if (node != null) {
                node = node.isArray() ? node.path(Integer.parseInt(t)) : node.path(t);
                if (node.isMissingNode()) {
                    node = null;
                }
            }
        }
        return s.toString();
    }

    /** A map key as one token of a JSON pointer ("a/b" is "a~1b"). */
    public static String token(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
