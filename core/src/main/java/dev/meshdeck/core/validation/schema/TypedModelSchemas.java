package dev.meshdeck.core.validation.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The offline schemas, needing no cluster: fabric8's typed models (Istio, Knative Serving, core and apps
 * Kubernetes kinds) read strictly by {@link TypedModelSchema}, plus MeshDeck's own {@link ValueChecks} for
 * the value rules a Java type cannot express (durations, ports, percentages). OpenFaaS and Kubeless have no
 * typed model: their kinds are known but not validated.
 */
public final class TypedModelSchemas implements SchemaSource {

    private final Map<String, Optional<ResourceSchema>> cache = new ConcurrentHashMap<>();
    private final KindRegistry kinds = KindRegistry.builtIn();

    @Override
    public Optional<ResourceSchema> schemaFor(String group, String version, String kind) {
        return cache.computeIfAbsent(group + "/" + version + "/" + kind, k -> {
            if (!kinds.knows(group, version, kind)) {
                return Optional.empty();
            }
            Optional<Class<?>> type = modelClass(group, version, kind);
            return type.map(t -> {
                TypedModelSchema typed = new TypedModelSchema(t);
                boolean istio = group.endsWith(".istio.io");
                return (ResourceSchema) object -> {
                    List<Violation> found = new ArrayList<>(typed.validate(object));
                    if (istio) {
                        found.addAll(ValueChecks.values(object));
                    }
                    return found;
                };
            });
        });
    }

    /** The fabric8 model class of a kind, by fabric8's package conventions; empty when not on the classpath. */
    static Optional<Class<?>> modelClass(String group, String version, String kind) {
        String name;
        if (group.endsWith(".istio.io")) {
            name = "io.fabric8.istio.api." + group.substring(0, group.indexOf('.')) + "." + version + "." + kind;
        } else if (group.equals("serving.knative.dev")) {
            name = "io.fabric8.knative.serving." + version + "." + kind;
        } else if (group.isEmpty()) {
            name = "io.fabric8.kubernetes.api.model." + kind;
        } else if (group.equals("apps")) {
            name = "io.fabric8.kubernetes.api.model.apps." + kind;
        } else if (group.equals("batch")) {
            name = "io.fabric8.kubernetes.api.model.batch." + version + "." + kind;
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(Class.forName(name, false, TypedModelSchemas.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    @Override
    public KindRegistry kinds() {
        return kinds;
    }

    @Override
    public String mode() {
        return "typed model";
    }
}
