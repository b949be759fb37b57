package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** The destination lists of a VirtualService (http, tcp and tls routes, plus http mirrors), with their JSON pointers. */
record RouteDestinations(String pointer, JsonNode routes) {

    /** One destination: {@code destination} is the node holding host/subset/port. */
    record Destination(String pointer, JsonNode destination) {
        String host() {
            return destination.path("host").asText("");
        }

        String subset() {
            return destination.path("subset").asText("");
        }
    }

    static List<RouteDestinations> of(Resource vs) {
        List<RouteDestinations> lists = new ArrayList<>();
        for (String protocol : List.of("http", "tcp", "tls")) {
            JsonNode rules = vs.spec().path(protocol);
            for (int i = 0; i < rules.size(); i++) {
                JsonNode route = rules.get(i).path("route");
                if (route.isArray()) {
                    lists.add(new RouteDestinations("/spec/" + protocol + "/" + i + "/route", route));
                }
            }
        }
        return lists;
    }

    /** Calls {@code action} with each destination (routes and mirrors) of each candidate VirtualService. */
    static void ofCandidates(ValidationContext context, BiConsumer<Resource, Destination> action) {
        for (Resource vs : context.ofKind("VirtualService")) {
            if (vs.candidate()) {
                allDestinations(vs).forEach(d -> action.accept(vs, d));
            }
        }
    }

    /** Every destination a VirtualService sends or mirrors traffic to. */
    static List<Destination> allDestinations(Resource vs) {
        List<Destination> all = new ArrayList<>();
        for (RouteDestinations list : of(vs)) {
            for (int j = 0; j < list.routes().size(); j++) {
                all.add(new Destination(list.pointer() + "/" + j + "/destination", list.routes().get(j).path("destination")));
            }
        }
        JsonNode http = vs.spec().path("http");
        for (int i = 0; i < http.size(); i++) {
            if (http.get(i).has("mirror")) {
                all.add(new Destination("/spec/http/" + i + "/mirror", http.get(i).path("mirror")));
            }
            JsonNode mirrors = http.get(i).path("mirrors");
            for (int j = 0; j < mirrors.size(); j++) {
                all.add(new Destination("/spec/http/" + i + "/mirrors/" + j + "/destination", mirrors.get(j).path("destination")));
            }
        }
        return all;
    }
}
