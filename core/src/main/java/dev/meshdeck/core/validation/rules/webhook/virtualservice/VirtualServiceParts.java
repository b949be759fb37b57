package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The parts of a candidate VirtualService that Istio's webhook judges, each with its JSON pointer, so every rule of
 * this package walks the object the same way (and only Istio's networking group: other kinds share the name).
 */
final class VirtualServiceParts {

    /** A part of a VirtualService: the node at {@code pointer}. */
    record Part(Resource vs, String pointer, JsonNode node) {

        Part child(String field) {
            return new Part(vs, VirtualServiceParts.child(pointer, field), node.path(field));
        }

        Part item(int index) {
            return new Part(vs, pointer + "/" + index, node.path(index));
        }

        boolean has(String field) {
            return node.has(field) && !node.get(field).isNull();
        }

        String text(String field) {
            return node.path(field).asText("");
        }

        /** The items of an array field, or of nothing. */
        List<Part> items(String field) {
            Part list = child(field);
            List<Part> items = new ArrayList<>();
            for (int i = 0; i < list.node().size() && list.node().isArray(); i++) {
                items.add(list.item(i));
            }
            return items;
        }

        /** The entries of a map field (headers, labels), in the order written. */
        List<Part> entries(String field) {
            Part map = child(field);
            List<Part> entries = new ArrayList<>();
            if (map.node().isObject()) {
                for (Iterator<String> names = map.node().fieldNames(); names.hasNext(); ) {
                    entries.add(map.child(names.next()));
                }
            }
            return entries;
        }

        /** The last token of the pointer: a map entry's key. */
        String key() {
            return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
        }
    }

    private VirtualServiceParts() {
    }

    /** The candidate VirtualServices of networking.istio.io, with their spec. */
    static List<Part> specs(ValidationContext context) {
        List<Part> specs = new ArrayList<>();
        for (Resource vs : context.ofKind("VirtualService")) {
            if (vs.candidate() && vs.group().equals("networking.istio.io") && vs.spec().isObject()) {
                specs.add(new Part(vs, "/spec", vs.spec()));
            }
        }
        return specs;
    }

    /** Calls {@code check} with each HTTP route of each candidate, and its spec. */
    static void forEachHttpRoute(ValidationContext context, BiConsumer<Part, Part> check) {
        for (Part spec : specs(context)) {
            spec.items("http").forEach(route -> check.accept(spec, route));
        }
    }

    /** Calls {@code check} with each HTTP route that sets {@code field}, and that field. */
    static void forEachHttpField(ValidationContext context, String field, BiConsumer<Part, Part> check) {
        forEachHttpRoute(context, (spec, route) -> {
            if (route.has(field)) {
                check.accept(route, route.child(field));
            }
        });
    }

    /** Each match of each route (http, tcp, tls) of each candidate, with the protocol it belongs to. */
    static void forEachMatch(ValidationContext context, BiConsumer<String, Part> check) {
        for (Part spec : specs(context)) {
            for (String protocol : List.of("http", "tcp", "tls")) {
                spec.items(protocol).forEach(route -> route.items("match").forEach(m -> check.accept(protocol, m)));
            }
        }
    }

    /** The header operations (request/response add, set, remove) of an HTTP route and of its destinations. */
    static void forEachHeaders(ValidationContext context, Consumer<Part> check) {
        forEachHttpRoute(context, (spec, route) -> {
            if (route.has("headers")) {
                check.accept(route.child("headers"));
            }
            for (Part destination : route.items("route")) {
                if (destination.has("headers")) {
                    check.accept(destination.child("headers"));
                }
            }
        });
    }

    /** A child pointer, escaping '~' and '/' in map keys such as header names. */
    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    /** Whether a VirtualService applies to gateways only: it names gateways, and "mesh" is not among them. */
    static boolean appliesToGateway(Part spec) {
        return spec.node().path("gateways").size() > 0 && !listsMesh(spec);
    }

    /** Whether "mesh" (the sidecars) is among the gateways a VirtualService names. */
    static boolean listsMesh(Part spec) {
        for (JsonNode g : spec.node().path("gateways")) {
            if (g.asText("").equals("mesh")) {
                return true;
            }
        }
        return false;
    }

    /** A delegate VirtualService: one without hosts, which only another VirtualService's delegate reaches. */
    static boolean isDelegate(Part spec) {
        return spec.node().path("hosts").size() == 0;
    }

    /**
     * A protobuf duration that the schema accepts (at least 1 ms, which the CRD rule or the offline value checks
     * already report) but the proxy cannot take: finer than whole milliseconds.
     */
    static Optional<String> subMillisecond(String text) {
        return IstioValues.parseDuration(text).filter(d -> d.toMillis() >= 1).flatMap(d -> IstioValues.duration(text));
    }

    /** The string of a StringMatch and its kind (exact, prefix, regex), when it has one. */
    static Optional<Map.Entry<String, String>> matchType(JsonNode stringMatch) {
        for (String type : List.of("exact", "prefix", "regex")) {
            if (stringMatch.has(type)) {
                return Optional.of(Map.entry(type, stringMatch.path(type).asText("")));
            }
        }
        return Optional.empty();
    }
}
