package dev.meshdeck.core.editing.forms;

/**
 * Where a finding's path lands in a form: the entry of a list (a route, an authorization rule, a JWT issuer;
 * -1 outside lists) and the field's key in that entry or section ("" when only the entry is known).
 */
public record FormField(int index, String key) {

    public static FormField of(String key) {
        return new FormField(-1, key);
    }
}
