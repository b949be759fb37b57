package dev.meshdeck.connectors.kube;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading JSON as a stream, taking the fields discovery uses and skipping the rest unread: what keeps a LIST of
 * 16,000 pods from becoming 16,000 typed model trees. Each method starts with the parser on the value's first
 * token and leaves it on the value's last token; a JSON {@code null} or a value of another shape reads as absent.
 */
final class ListedJson {

    private ListedJson() {
    }

    /** Reads one element of an array. */
    @FunctionalInterface
    interface Element<T> {
        T read(JsonParser p) throws IOException;
    }

    /** True when the value is an object, whose fields {@link #next} then reads; anything else is skipped. */
    static boolean isObject(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.START_OBJECT) {
            return true;
        }
        p.skipChildren();
        return false;
    }

    /** The next field's name, the parser moved onto its value; null at the object's end. */
    static String next(JsonParser p) throws IOException {
        String name = p.nextFieldName();
        if (name != null) {
            p.nextToken();
        }
        return name;
    }

    /** One field of an object, read by {@code reader}; null when the object has no such field or is no object. */
    static <T> T field(JsonParser p, String name, Element<T> reader) throws IOException {
        T value = null;
        if (isObject(p)) {
            for (String f; (f = next(p)) != null; ) {
                if (f.equals(name)) {
                    value = reader.read(p);
                } else {
                    p.skipChildren();
                }
            }
        }
        return value;
    }

    /** Scalar fields of an object as text, in the order named, null where absent. */
    static String[] texts(JsonParser p, String... names) throws IOException {
        String[] values = new String[names.length];
        if (isObject(p)) {
            for (String f; (f = next(p)) != null; ) {
                int i = List.of(names).indexOf(f);
                if (i >= 0) {
                    values[i] = text(p);
                } else {
                    p.skipChildren();
                }
            }
        }
        return values;
    }

    /** How many elements the array has, whatever they are; 0 when the value is not an array. */
    static int count(JsonParser p) throws IOException {
        return array(p, element -> {
            element.skipChildren();
            return Boolean.TRUE;
        }).size();
    }

    /** The array's elements, null ones left out; empty when the value is not an array. */
    static <T> List<T> array(JsonParser p, Element<T> element) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<T> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            T item = element.read(p);
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    /** A string map such as labels; null when absent, as the models have it. */
    static Map<String, String> strings(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        String name;
        while ((name = p.nextFieldName()) != null) {
            p.nextToken();
            map.put(name, text(p));
        }
        return map;
    }

    /** A scalar as text (numbers and booleans too, as Jackson coerces them into a String field); null otherwise. */
    static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != null && t.isScalarValue()) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    static Integer integer(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NUMBER_INT ? Integer.valueOf(p.getIntValue()) : skipped(p);
    }

    static Long longValue(JsonParser p) throws IOException {
        return p.currentToken() == JsonToken.VALUE_NUMBER_INT ? Long.valueOf(p.getLongValue()) : skipped(p);
    }

    private static <T> T skipped(JsonParser p) throws IOException {
        p.skipChildren();
        return null;
    }
}
