package dev.meshdeck.core.validation.rules.webhook.requestauthentication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An inline {@code jwks} read as Istio reads it (a JSON Web Key Set, or a single key): each key has a known
 * {@code kty} and the base64url members that type needs. Only member names and indexes ever reach a message:
 * the keys themselves may be private material.
 */
record JsonWebKeySet(List<JsonNode> keys) {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The members each key type needs (RFC 7518 section 6). */
    private static final Map<String, List<String>> REQUIRED = Map.of("RSA", List.of("n", "e"),
            "EC", List.of("crv", "x", "y"), "OKP", List.of("crv", "x"), "oct", List.of("k"));
    private static final List<String> BASE64URL = List.of("n", "e", "x", "y", "k", "d");

    /** The problem with {@code text} in words, or the set. */
    static Parsed parse(String text) {
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return new Parsed(null, "jwks is not JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
        if (tree == null || !tree.isObject()) {
            return new Parsed(null, "jwks must be a JSON object: a key set {\"keys\": [...]} or a single key");
        }
        List<JsonNode> keys = new ArrayList<>();
        if (tree.has("keys")) {
            if (!tree.get("keys").isArray()) {
                return new Parsed(null, "jwks \"keys\" must be a list of keys");
            }
            tree.get("keys").forEach(keys::add);
        } else {
            keys.add(tree);
        }
        for (int i = 0; i < keys.size(); i++) {
            Optional<String> problem = problem(keys.get(i));
            if (problem.isPresent()) {
                return new Parsed(null, "jwks key at index " + i + " " + problem.get());
            }
        }
        return new Parsed(new JsonWebKeySet(List.copyOf(keys)), null);
    }

    /** What {@link #parse} found: the set, or why there is none. */
    record Parsed(JsonWebKeySet set, String problem) {
    }

    /** Whether key {@code i} holds private material (a private exponent, or a symmetric secret). */
    boolean isPrivate(int i) {
        JsonNode key = keys.get(i);
        return key.path("kty").asText().equals("oct") || key.has("d");
    }

    private static Optional<String> problem(JsonNode key) {
        if (!key.isObject()) {
            return Optional.of("is not a JSON object");
        }
        String kty = key.path("kty").asText("");
        List<String> required = REQUIRED.get(kty);
        if (required == null) {
            return Optional.of(kty.isEmpty() ? "has no \"kty\"" : "has unsupported \"kty\" \"" + kty + "\" (RSA, EC, OKP or oct)");
        }
        for (String member : required) {
            if (!key.path(member).isTextual() || key.path(member).asText().isEmpty()) {
                return Optional.of("(" + kty + ") lacks \"" + member + "\"");
            }
        }
        for (String member : BASE64URL) {
            if (key.has(member) && !isBase64Url(key.get(member).asText(""))) {
                return Optional.of("has \"" + member + "\" that is not base64url");
            }
        }
        return Optional.empty();
    }

    private static boolean isBase64Url(String s) {
        try {
            Base64.getUrlDecoder().decode(s.replace("=", ""));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
