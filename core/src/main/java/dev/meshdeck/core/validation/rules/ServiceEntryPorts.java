package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Hosts;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The ports ServiceEntries declare, grouped by host and port number (built once per validation), so that two
 * ServiceEntries declaring one host:port are found without comparing every pair.
 */
final class ServiceEntryPorts {

    /** One port of one ServiceEntry for one of its hosts. */
    record Declaration(Resource entry, int portIndex, String protocol, List<String> scopes) {
        String pointer() {
            return "/spec/ports/" + portIndex;
        }

        /** Whether both are visible from a common namespace (their exportTo scopes meet). */
        boolean visibleWith(Declaration other) {
            return scopes.contains("*") || other.scopes.contains("*") || scopes.stream().anyMatch(other.scopes::contains);
        }
    }

    private final Map<String, List<Declaration>> byHostPort = new LinkedHashMap<>();

    private ServiceEntryPorts(ValidationContext context) {
        for (Resource se : context.ofKind("ServiceEntry")) {
            List<String> scopes = MeshIndex.exportScopes(se.spec().path("exportTo"), se.namespace());
            JsonNode ports = se.spec().path("ports");
            for (JsonNode h : se.spec().path("hosts")) {
                String host = Hosts.qualify(h.asText("").toLowerCase(Locale.ROOT), se.namespace());
                for (int i = 0; i < ports.size(); i++) {
                    String protocol = ports.get(i).path("protocol").asText("").toUpperCase(Locale.ROOT);
                    byHostPort.computeIfAbsent(host + ":" + ports.get(i).path("number").asLong(), k -> new ArrayList<>())
                            .add(new Declaration(se, i, protocol, scopes));
                }
            }
        }
    }

    static ServiceEntryPorts of(ValidationContext context) {
        return context.index(ServiceEntryPorts.class, ServiceEntryPorts::new);
    }

    /**
     * Calls {@code action} with each declaration of a candidate and the declarations of other ServiceEntries for
     * the same host:port visible with it (none: not called).
     */
    void forEachShared(BiConsumer<Declaration, List<Declaration>> action) {
        byHostPort.forEach((hostPort, declarations) -> {
            if (declarations.size() < 2) {
                return;
            }
            for (Declaration d : declarations) {
                if (!d.entry().candidate()) {
                    continue;
                }
                List<Declaration> others = declarations.stream()
                        .filter(o -> o.entry() != d.entry() && o.visibleWith(d)).toList();
                if (!others.isEmpty()) {
                    action.accept(d, others);
                }
            }
        });
    }

    /** "[ns/name, ...]" of the other ServiceEntries, for messages. */
    static String names(List<Declaration> others) {
        return others.stream().map(o -> o.entry().namespace() + "/" + o.entry().name()).distinct().toList().toString();
    }
}
