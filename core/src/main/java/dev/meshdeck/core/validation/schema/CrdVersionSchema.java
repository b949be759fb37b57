package dev.meshdeck.core.validation.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One CRD version's {@code openAPIV3Schema}, applied as the API server applies it: pruning (unknown fields
 * and non-nullable nulls are dropped; {@code x-kubernetes-preserve-unknown-fields} keeps them), then the
 * OpenAPI value validations (networknt json-schema-validator on a draft-4 translation of the structural
 * schema: {@code nullable} becomes a null type, {@code x-kubernetes-*} and {@code format} are dropped), then
 * the {@code x-kubernetes-validations} CEL rules on the pruned object.
 */
final class CrdVersionSchema implements ResourceSchema {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

    private final JsonNode structural;
    private final Schema compiled;
    /** Schema nodes with x-kubernetes-validations at or below them: the CEL walk skips the others. */
    private final java.util.Set<JsonNode> withRules = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    CrdVersionSchema(JsonNode openApiV3Schema) {
        this.structural = openApiV3Schema;
        this.compiled = REGISTRY.getSchema(toDraft4(openApiV3Schema));
        this.compiled.initializeValidators();
        precompileRules(openApiV3Schema);
        markRules(openApiV3Schema);
    }

    private boolean markRules(JsonNode schema) {
        boolean any = schema.path("x-kubernetes-validations").size() > 0;
        for (String k : new String[] {"properties", "additionalProperties", "items"}) {
            JsonNode sub = schema.path(k);
            if (k.equals("properties")) {
                for (JsonNode p : sub) {
                    any |= markRules(p);
                }
            } else if (sub.isObject()) {
                any |= markRules(sub);
            }
        }
        if (any) {
            withRules.add(schema);
        }
        return any;
    }

    @Override
    public List<Violation> validate(JsonNode object) {
        List<Violation> found = new ArrayList<>();
        JsonNode pruned = object.deepCopy();
        prune(structural, pruned, "", found);
        for (Error e : compiled.validate(pruned)) {
            Violation v = fromSchemaError(e);
            if (v != null) {
                found.add(v);
            }
        }
        evaluateRules(structural, pruned, "", found, withRules);
        return found;
    }

    // ---- pruning ---------------------------------------------------------------------------------------

    private static void prune(JsonNode schema, JsonNode data, String pointer, List<Violation> found) {
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (data.isObject()) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            ObjectNode object = (ObjectNode) data;
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey();
                String at = Paths.child(pointer, name);
                if (pointer.isEmpty() && name.equals("metadata")) {
                    continue; // ObjectMeta is validated by the API server itself, not by the CRD
                }
                JsonNode fieldSchema = properties.has(name) ? properties.get(name)
                        : additional.isObject() ? additional : null;
                if (fieldSchema == null) {
                    if (!preserve && !(pointer.isEmpty() && (name.equals("apiVersion") || name.equals("kind")))) {
                        found.add(unknownField(at, name, properties));
                        fields.remove();
                    }
                    continue;
                }
                if (field.getValue().isNull() && !fieldSchema.path("nullable").asBoolean(false)) {
                    fields.remove(); // the API server prunes non-nullable nulls before validating
                    continue;
                }
                prune(fieldSchema, field.getValue(), at, found);
            }
        } else if (data.isArray() && schema.has("items")) {
            for (int i = 0; i < data.size(); i++) {
                prune(schema.get("items"), data.get(i), Paths.child(pointer, i), found);
            }
        }
    }

    private static Violation unknownField(String at, String name, JsonNode properties) {
        List<String> known = new ArrayList<>();
        properties.fieldNames().forEachRemaining(known::add);
        String hint = Suggestions.closest(name, known).map(s -> " — did you mean " + s + "?")
                .orElse(known.isEmpty() ? "" : " (known fields: " + String.join(", ", new TreeSet<>(known)) + ")");
        return new Violation(ViolationType.UNKNOWN_FIELD, at,
                "unknown field " + Paths.dotted(at) + hint + " The API server would drop it silently, so it has no effect",
                "unknown field \"" + Paths.dotted(at) + "\"", "crd-schema");
    }

    // ---- OpenAPI value validations (networknt) -----------------------------------------------------------

    /** The structural schema as a draft-4 JSON schema networknt understands. */
    static JsonNode toDraft4(JsonNode schema) {
        if (schema.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            schema.forEach(s -> out.add(toDraft4(s)));
            return out;
        }
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        schema.fields().forEachRemaining(f -> {
            String k = f.getKey();
            if (k.startsWith("x-kubernetes-") || k.equals("description") || k.equals("format")
                    || k.equals("nullable") || k.equals("default") || k.equals("example")) {
                return;
            }
            if (k.equals("properties") || k.equals("patternProperties") || k.equals("definitions")) {
                ObjectNode props = out.putObject(k);
                f.getValue().fields().forEachRemaining(p -> props.set(p.getKey(), toDraft4(p.getValue())));
            } else if (k.equals("enum") || k.equals("required")) {
                out.set(k, f.getValue());
            } else {
                out.set(k, toDraft4(f.getValue()));
            }
        });
        if (schema.path("nullable").asBoolean(false) && schema.path("type").isTextual()) {
            ArrayNode types = out.putArray("type");
            types.add(schema.path("type").asText());
            types.add("null");
            if (schema.has("enum")) {
                ((ArrayNode) out.withArray("enum")).addNull();
            }
        }
        return out;
    }

    private static Violation fromSchemaError(Error e) {
        String keyword = e.getKeyword() == null ? "" : e.getKeyword();
        String at = pointerOf(e.getInstanceLocation());
        JsonNode value = e.getInstanceNode() == null ? JsonNodeFactory.instance.missingNode() : e.getInstanceNode();
        JsonNode rule = e.getSchemaNode() == null ? JsonNodeFactory.instance.missingNode() : e.getSchemaNode();
        String path = Paths.dotted(at);
        String shown = Paths.show(value);
        switch (keyword) {
            case "type": {
                String expected = rule.isArray() ? rule.get(0).asText() : rule.asText();
                return new Violation(ViolationType.WRONG_TYPE, at,
                        path + " must be " + article(expected) + ", not " + article(Paths.jsonType(value))
                                + (value.isValueNode() && !value.isNull() ? " (" + shown + ")" : ""),
                        path + " in body must be of type " + expected + ": \"" + Paths.jsonType(value) + "\"", "crd-schema");
            }
            case "enum": {
                List<String> allowed = new ArrayList<>();
                rule.forEach(a -> {
                    if (!a.isNull()) {
                        allowed.add(a.asText());
                    }
                });
                return new Violation(ViolationType.UNSUPPORTED_VALUE, at,
                        path + ": " + shown + " is not supported; use one of " + String.join(", ", allowed)
                                + Suggestions.didYouMean(value.asText(), allowed),
                        path + ": Unsupported value: " + shown + ": supported values: \"" + String.join("\", \"", allowed) + "\"",
                        "crd-schema");
            }
            case "required": {
                String missing = e.getProperty() != null ? e.getProperty()
                        : e.getArguments() != null && e.getArguments().length > 0 ? String.valueOf(e.getArguments()[0]) : "?";
                String child = Paths.child(at, missing);
                return new Violation(ViolationType.REQUIRED, child,
                        Paths.dotted(child) + " is required but missing",
                        Paths.dotted(child) + ": Required value", "crd-schema");
            }
            case "minimum":
            case "maximum":
            case "exclusiveMinimum":
            case "exclusiveMaximum": {
                boolean min = keyword.contains("inimum");
                String bound = min ? rule.toString() : rule.toString();
                String text = "should be " + (min ? "greater" : "less") + " than or equal to " + bound;
                return new Violation(ViolationType.OUT_OF_RANGE, at,
                        path + " is " + shown + " but must be " + (min ? ">= " : "<= ") + bound,
                        path + ": Invalid value: " + shown + ": " + path + " in body " + text, "crd-schema");
            }
            case "minLength":
                return new Violation(ViolationType.OUT_OF_RANGE, at,
                        path + " must be at least " + rule + " characters long" + (value.asText().isEmpty() ? " (it is empty)" : ""),
                        path + ": Invalid value: " + shown + ": " + path + " in body should be at least " + rule + " chars long",
                        "crd-schema");
            case "maxLength":
                return new Violation(ViolationType.OUT_OF_RANGE, at,
                        path + " must be at most " + rule + " characters long",
                        path + ": Too long: may not be longer than " + rule, "crd-schema");
            case "minItems":
            case "maxItems":
            case "minProperties":
            case "maxProperties": {
                boolean min = keyword.startsWith("min");
                String unit = keyword.endsWith("Items") ? "items" : "properties";
                return new Violation(ViolationType.OUT_OF_RANGE, at,
                        path + " must have at " + (min ? "least " : "most ") + rule + " " + unit
                                + (min && value.size() == 0 ? "; it is empty: remove it or fill it" : ""),
                        path + ": Invalid value: " + value.size() + ": " + path + " in body should have at "
                                + (min ? "least " : "most ") + rule + " " + unit, "crd-schema");
            }
            case "pattern":
                return new Violation(ViolationType.INVALID_FORMAT, at,
                        path + " " + shown + " does not match the pattern " + rule.asText(),
                        path + ": Invalid value: " + shown + ": " + path + " in body should match '" + rule.asText() + "'",
                        "crd-schema");
            case "anyOf":
                if (isIntOrString(rule)) {
                    return new Violation(ViolationType.WRONG_TYPE, at, path + " must be an integer or a string",
                            path + " in body must be of type integer-or-string", "crd-schema");
                }
                return rule(at, path, "must match one of the allowed shapes", "crd-schema");
            case "oneOf": {
                List<String> choices = oneOfChoices(rule);
                String text = choices.isEmpty() ? "must match exactly one of the allowed shapes"
                        : "set at most one of " + String.join(", ", choices);
                return rule(at, path, text, "crd-schema");
            }
            case "not":
            case "allOf":
                return rule(at, path, "does not have an allowed shape", "crd-schema");
            default:
                return rule(at, path, e.getMessage(), "crd-schema");
        }
    }

    private static Violation rule(String at, String path, String text, String judge) {
        return new Violation(ViolationType.RULE, at, path + ": " + text, path + ": Invalid value: \"object\": " + text, judge);
    }

    private static boolean isIntOrString(JsonNode anyOf) {
        return anyOf.isArray() && anyOf.size() == 2 && anyOf.toString().contains("\"integer\"")
                && anyOf.toString().contains("\"string\"");
    }

    private static List<String> oneOfChoices(JsonNode oneOf) {
        List<String> names = new ArrayList<>();
        for (JsonNode branch : oneOf) {
            for (JsonNode r : branch.path("required")) {
                names.add(r.asText());
            }
        }
        return names;
    }

    private static String article(String type) {
        return (type.matches("^[aeiou].*") ? "an " : "a ") + type;
    }

    private static String pointerOf(NodePath path) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            s.append('/').append(String.valueOf(element).replace("~", "~0").replace("/", "~1"));
        }
        return s.toString();
    }

    // ---- x-kubernetes-validations (CEL) ------------------------------------------------------------------

    private static void precompileRules(JsonNode schema) {
        if (schema.isObject()) {
            for (JsonNode r : schema.path("x-kubernetes-validations")) {
                KubernetesCel.compile(r.path("rule").asText());
            }
            schema.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("x-kubernetes-validations") && !f.getKey().equals("enum")) {
                    precompileRules(f.getValue());
                }
            });
        } else if (schema.isArray()) {
            schema.forEach(CrdVersionSchema::precompileRules);
        }
    }

    private static void evaluateRules(JsonNode schema, JsonNode data, String pointer, List<Violation> found,
                                      java.util.Set<JsonNode> withRules) {
        if (data == null || data.isNull() || data.isMissingNode() || !withRules.contains(schema)) {
            return;
        }
        if (pointer.equals("/metadata")) {
            return;
        }
        JsonNode rules = schema.path("x-kubernetes-validations");
        if (rules.isArray() && rules.size() > 0) {
            Object self = toCel(schema, data);
            for (JsonNode r : rules) {
                String rule = r.path("rule").asText();
                if (rule.contains("oldSelf")) {
                    continue; // transition rules need the stored object: not applicable to a candidate
                }
                checkRule(rule, r.path("message").asText(""), self, data, pointer, found);
            }
        }
        if (data.isObject()) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            data.fields().forEachRemaining(f -> {
                JsonNode s = properties.has(f.getKey()) ? properties.get(f.getKey()) : additional.isObject() ? additional : null;
                if (s != null) {
                    evaluateRules(s, f.getValue(), Paths.child(pointer, f.getKey()), found, withRules);
                }
            });
        } else if (data.isArray() && schema.has("items")) {
            for (int i = 0; i < data.size(); i++) {
                evaluateRules(schema.get("items"), data.get(i), Paths.child(pointer, i), found, withRules);
            }
        }
    }

    private static void checkRule(String rule, String message, Object self, JsonNode data, String pointer,
                                  List<Violation> found) {
        KubernetesCel.Compiled compiled = KubernetesCel.compile(rule);
        if (compiled.program() == null) {
            return;
        }
        String error = null;
        try {
            Object result = compiled.program().eval(Map.of("self", self));
            if (Boolean.TRUE.equals(result)) {
                return;
            }
        } catch (CelEvaluationException | RuntimeException e) {
            error = celError(e);
        }
        String text = message.isEmpty() ? "failed rule: " + rule : message;
        String path = Paths.dotted(pointer);
        String shown = data.isValueNode() ? Paths.show(data) : "\"" + Paths.jsonType(data) + "\"";
        found.add(new Violation(classify(rule), pointer,
                path + (data.isValueNode() ? " " + Paths.show(data) : "") + ": " + text
                        + (error == null ? "" : " (" + error + ")"),
                path + ": Invalid value: " + shown + ": " + text + (error == null ? "" : ": " + error), "crd-cel"));
    }

    /** cel-go's wording for the runtime errors Kubernetes shows, where cel-java words them differently. */
    private static String celError(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof NumberFormatException) {
            return "type conversion error from 'string' to 'int'";
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceFirst("^evaluation error at <input>:\\d+: ", "");
    }

    /** What a CEL rule checks, judged by the functions it calls: a format, a range, or a rule across fields. */
    private static ViolationType classify(String rule) {
        if (rule.contains("duration(") || rule.contains("url(") || rule.contains("isURL(") || rule.contains(".matches(")) {
            return ViolationType.INVALID_FORMAT;
        }
        if (rule.contains("65535")) {
            return ViolationType.OUT_OF_RANGE;
        }
        return ViolationType.RULE;
    }

    /** The object as CEL sees it: maps, lists, Long for integers, Double for numbers, per the schema. */
    private static Object toCel(JsonNode schema, JsonNode data) {
        if (data.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            data.fields().forEachRemaining(f -> {
                if (!f.getValue().isNull()) {
                    JsonNode s = properties.has(f.getKey()) ? properties.get(f.getKey())
                            : additional.isObject() ? additional : JsonNodeFactory.instance.objectNode();
                    map.put(f.getKey(), toCel(s, f.getValue()));
                }
            });
            return map;
        }
        if (data.isArray()) {
            List<Object> list = new ArrayList<>();
            JsonNode items = schema.path("items");
            data.forEach(d -> {
                if (!d.isNull()) {
                    list.add(toCel(items, d));
                }
            });
            return list;
        }
        if (data.isNumber()) {
            if ("number".equals(schema.path("type").asText()) || !data.isIntegralNumber()) {
                return data.asDouble();
            }
            return data.asLong();
        }
        if (data.isBoolean()) {
            return data.asBoolean();
        }
        return data.asText();
    }
}
