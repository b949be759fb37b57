package dev.meshdeck.core.validation.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Offline schema of one kind: fabric8's typed model class. The object is read strictly into it (no scalar
 * coercion, no float-to-int, unknown properties collected instead of kept as "additional properties"); every
 * Jackson error becomes a violation at its path and the offending value is taken out before reading again.
 * Finally the typed object is written back and compared with the input: what did not survive is an unknown
 * field or a value fabric8's enums do not know.
 */
final class TypedModelSchema implements ResourceSchema {

    private static final int MAX_ERRORS = 50;
    private static final String UNKNOWN = "meshdeck.unknown";
    static final ObjectMapper STRICT = strictMapper();

    private final Class<?> type;
    private final ObjectReader reader;

    TypedModelSchema(Class<?> type) {
        this.type = type;
        this.reader = STRICT.readerFor(type);
    }

    private static ObjectMapper strictMapper() {
        JsonMapper m = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .annotationIntrospector(new JacksonAnnotationIntrospector() {
                    @Override
                    public Boolean hasAnySetter(Annotated a) {
                        return Boolean.FALSE; // unknown fields must not vanish into additionalProperties
                    }

                    @Override
                    @SuppressWarnings("deprecation")
                    public boolean hasAnySetterAnnotation(AnnotatedMethod am) {
                        return false;
                    }
                })
                .addHandler(new DeserializationProblemHandler() {
                    @Override
                    @SuppressWarnings("unchecked")
                    public boolean handleUnknownProperty(DeserializationContext c, JsonParser p, JsonDeserializer<?> d,
                                                         Object bean, String name) throws IOException {
                        Object seen = c.getAttribute(UNKNOWN);
                        if (seen instanceof List) {
                            ((List<String>) seen).add(p.getParsingContext().pathAsPointer().toString());
                        }
                        p.skipChildren();
                        return true;
                    }
                })
                .build();
        m.registerModule(scalarUnions());
        for (LogicalType t : List.of(LogicalType.Textual)) {
            m.coercionConfigFor(t).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        return m;
    }

    /**
     * fabric8's IntOrString and Quantity take a scalar through a constructor Jackson only finds with
     * coercion on; read them here with the rules the API server applies (IntOrString: integer or string;
     * Quantity: number or string).
     */
    private static Module scalarUnions() {
        SimpleModule module = new SimpleModule();
        module.addDeserializer(IntOrString.class,
                new JsonDeserializer<IntOrString>() {
                    @Override
                    public IntOrString deserialize(JsonParser p, DeserializationContext c)
                            throws IOException {
                        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                            return new IntOrString(p.getIntValue());
                        }
                        if (p.currentToken() == JsonToken.VALUE_STRING) {
                            return new IntOrString(p.getText());
                        }
                        return (IntOrString) c.handleUnexpectedToken(
                                IntOrString.class, p);
                    }
                });
        module.addDeserializer(Quantity.class,
                new JsonDeserializer<Quantity>() {
                    @Override
                    public Quantity deserialize(JsonParser p, DeserializationContext c)
                            throws IOException {
                        if (p.currentToken().isNumeric() || p.currentToken() == JsonToken.VALUE_STRING) {
                            return new Quantity(p.getText());
                        }
                        return (Quantity) c.handleUnexpectedToken(
                                Quantity.class, p);
                    }
                });
        return module;
    }

    @Override
    public List<Violation> validate(JsonNode object) {
        List<Violation> found = new ArrayList<>();
        JsonNode work = object.deepCopy();
        List<String> unknown = new ArrayList<>();
        Object typed = null;
        for (int attempt = 0; attempt < MAX_ERRORS && typed == null; attempt++) {
            unknown.clear();
            try {
                typed = reader.withAttribute(UNKNOWN, unknown).readValue(work);
            } catch (JsonMappingException e) {
                String at = pointerOf(e);
                if (at.isEmpty() || !remove(work, at)) {
                    found.add(new Violation(ViolationType.WRONG_TYPE, at, Paths.dotted(at) + ": " + e.getOriginalMessage(),
                            Paths.dotted(at) + ": " + e.getOriginalMessage(), "typed-model"));
                    return found;
                }
                found.add(typeError(e, at, object.at(at)));
            } catch (IOException e) {
                return found;
            }
        }
        if (typed != null) {
            JsonNode written = STRICT.valueToTree(typed);
            compare(work, written, "", unknown, found);
        }
        return found;
    }

    private Violation typeError(JsonMappingException e, String at, JsonNode value) {
        String path = Paths.dotted(at);
        if (e instanceof InvalidFormatException && ((InvalidFormatException) e).getTargetType() != null
                && ((InvalidFormatException) e).getTargetType().isEnum()) {
            return unsupported(at, value, allowedValues(at));
        }
        String expected = e instanceof InvalidFormatException && ((InvalidFormatException) e).getTargetType() != null
                ? jsonName(((InvalidFormatException) e).getTargetType()) : expectedFromMessage(e.getOriginalMessage());
        return new Violation(ViolationType.WRONG_TYPE, at,
                path + " must be " + expected + ", not " + Paths.jsonType(value)
                        + (value.isValueNode() ? " (" + Paths.show(value) + ")" : ""),
                path + " in body must be of type " + expected.replaceFirst("^an? ", "") + ": \"" + Paths.jsonType(value) + "\"",
                "typed-model");
    }

    private static String expectedFromMessage(String message) {
        String m = message == null ? "" : message;
        if (m.contains("java.lang.String")) {
            return "a string";
        }
        if (m.contains("java.lang.Integer") || m.contains("java.lang.Long") || m.contains("`int`") || m.contains("`long`")) {
            return "an integer";
        }
        if (m.contains("java.lang.Double") || m.contains("java.lang.Float") || m.contains("`double`")) {
            return "a number";
        }
        if (m.contains("java.lang.Boolean") || m.contains("`boolean`")) {
            return "a boolean";
        }
        if (m.contains("java.util.List") || m.contains("java.util.ArrayList") || m.contains("START_ARRAY")) {
            return "an array";
        }
        return "an object";
    }

    private static String jsonName(Class<?> t) {
        if (t == String.class) {
            return "a string";
        }
        if (t == Integer.class || t == Long.class || t == int.class || t == long.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(t) || t == double.class) {
            return "a number";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "a boolean";
        }
        return "an object";
    }

    /** Reports what the input has and the typed model did not keep. */
    private void compare(JsonNode in, JsonNode out, String pointer, List<String> unknown, List<Violation> found) {
        if (in.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = in.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String at = Paths.child(pointer, f.getKey());
                JsonNode kept = out == null ? null : out.get(f.getKey());
                if (f.getValue().isNull() || at.equals("/status")
                        || f.getValue().isContainerNode() && f.getValue().isEmpty()) {
                    continue;
                }
                if (kept == null || kept.isNull()) {
                    found.add(dropped(at, f.getValue(), unknown));
                } else {
                    compare(f.getValue(), kept, at, unknown, found);
                }
            }
        } else if (in.isArray() && out != null && out.isArray()) {
            for (int i = 0; i < in.size() && i < out.size(); i++) {
                compare(in.get(i), out.get(i), Paths.child(pointer, i), unknown, found);
            }
        }
    }

    private Violation dropped(String at, JsonNode value, List<String> unknown) {
        boolean unknownField = unknown.stream().anyMatch(u -> !u.isEmpty() && at.endsWith(u));
        if (!unknownField && value.isTextual()) {
            return unsupported(at, value, allowedValues(at));
        }
        List<String> known = knownProperties(at.substring(0, at.lastIndexOf('/')));
        String name = Paths.leaf(at);
        String hint = Suggestions.closest(name, known).map(s -> " — did you mean " + s + "?").orElse("");
        return new Violation(ViolationType.UNKNOWN_FIELD, at,
                "unknown field " + Paths.dotted(at) + hint + " The API server would drop it silently, so it has no effect",
                "unknown field \"" + Paths.dotted(at) + "\"", "typed-model");
    }

    private static Violation unsupported(String at, JsonNode value, List<String> allowed) {
        String path = Paths.dotted(at);
        return new Violation(ViolationType.UNSUPPORTED_VALUE, at,
                path + ": " + Paths.show(value) + " is not supported"
                        + (allowed.isEmpty() ? "" : "; use one of " + String.join(", ", allowed)
                        + Suggestions.didYouMean(value.asText(), allowed)),
                path + ": Unsupported value: " + Paths.show(value)
                        + (allowed.isEmpty() ? "" : ": supported values: \"" + String.join("\", \"", allowed) + "\""),
                "typed-model");
    }

    /** The Java type at a pointer, walking bean properties, lists and maps; null where it cannot be told. */
    private JavaType typeAt(String pointer) {
        JavaType t = STRICT.constructType(type);
        for (String token : pointer.split("/")) {
            if (token.isEmpty()) {
                continue;
            }
            if (t.isCollectionLikeType() || t.isMapLikeType()) {
                t = t.getContentType();
                continue;
            }
            BeanDescription bean = STRICT.getSerializationConfig().introspect(t);
            JavaType next = null;
            for (BeanPropertyDefinition p : bean.findProperties()) {
                if (p.getName().equals(token.replace("~1", "/").replace("~0", "~"))) {
                    next = p.getPrimaryType();
                }
            }
            if (next == null) {
                return null;
            }
            t = next;
        }
        return t;
    }

    private List<String> knownProperties(String pointer) {
        JavaType t = typeAt(pointer);
        List<String> names = new ArrayList<>();
        if (t != null && !t.isContainerType() && !t.isPrimitive() && !t.isEnumType()
                && t.getRawClass().getName().startsWith("io.fabric8")) {
            STRICT.getSerializationConfig().introspect(t).findProperties().forEach(p -> {
                if (!p.getName().equals("additionalProperties")) {
                    names.add(p.getName());
                }
            });
        }
        return names;
    }

    private List<String> allowedValues(String pointer) {
        JavaType t = typeAt(pointer);
        List<String> values = new ArrayList<>();
        if (t != null && t.isEnumType()) {
            for (Object constant : t.getRawClass().getEnumConstants()) {
                values.add(STRICT.valueToTree(constant).asText());
            }
        }
        return values;
    }

    private static String pointerOf(JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                s.append('/').append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else if (r.getIndex() >= 0) {
                s.append('/').append(r.getIndex());
            }
        }
        return s.toString();
    }

    private static boolean remove(JsonNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent.isObject() && parent.has(last)) {
            ((ObjectNode) parent).remove(last);
            return true;
        }
        if (parent.isArray() && last.chars().allMatch(Character::isDigit) && !last.isEmpty()
                && Integer.parseInt(last) < parent.size() && !parent.get(Integer.parseInt(last)).isNull()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), NullNode.getInstance());
            return true;
        }
        return false;
    }
}
