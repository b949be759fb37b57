package dev.meshdeck.sandbox.cloudrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The services of one project in one region, kept in the Admin API v2's own JSON shape: what a GET answers is
 * exactly what is stored, so the client's parser sees the real field names and enum values.
 */
final class CloudRunRegion {

    static final String REVISION = "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION";
    static final String LATEST = "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST";
    /** Cloud Run tags become URL prefixes: lowercase letters, digits and dashes, starting with a letter. */
    private static final Pattern TAG = Pattern.compile("[a-z]([-a-z0-9]{0,44}[a-z0-9])?");

    private final ObjectMapper mapper;
    private final String project;
    private final String region;
    private final Instant epoch;
    private final Map<String, ObjectNode> services = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> revisions = new LinkedHashMap<>();
    private final Map<String, Operation> operations = new LinkedHashMap<>();

    CloudRunRegion(ObjectMapper mapper, String project, String region, Instant epoch) {
        this.mapper = mapper;
        this.project = project;
        this.region = region;
        this.epoch = epoch;
    }

    String parent() {
        return "projects/" + project + "/locations/" + region;
    }

    /** Adds a seeded service: its revisions deployed a day apart, its traffic as the seed says. */
    synchronized void add(JsonNode seed) {
        String id = seed.path("name").asText();
        String name = parent() + "/services/" + id;
        List<ObjectNode> deployed = new ArrayList<>();
        Instant at = epoch;
        for (JsonNode revision : seed.path("revisions")) {
            ObjectNode r = mapper.createObjectNode();
            r.put("name", name + "/revisions/" + revision.asText());
            r.put("uid", uid(r.path("name").asText()));
            r.put("generation", "1");
            r.put("createTime", at.toString());
            r.put("service", id);
            r.set("labels", seed.path("labels").deepCopy());
            r.set("conditions", mapper.createArrayNode().add(condition("Ready", at)));
            deployed.add(r);
            at = at.plus(Duration.ofDays(1));
        }
        revisions.put(id, deployed);
        ObjectNode service = mapper.createObjectNode();
        service.put("name", name);
        service.put("uid", uid(name));
        service.put("generation", "1");
        service.set("labels", seed.path("labels").deepCopy());
        service.put("createTime", epoch.toString());
        service.put("updateTime", at.toString());
        service.put("uri", "https://" + id + "-" + Integer.toHexString(project.hashCode() & 0xfffff) + "-ew.a.run.app");
        service.set("traffic", seed.path("traffic").deepCopy());
        services.put(id, service);
        settle(id, at);
    }

    synchronized List<ObjectNode> services() {
        return services.values().stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized ObjectNode service(String id) {
        return existing(id).deepCopy();
    }

    synchronized List<ObjectNode> revisions(String service) {
        existing(service);
        return revisions.get(service).stream().map(ObjectNode::deepCopy).toList();
    }

    /**
     * services.patch: checks the etag (a stale one is ABORTED) and the traffic, then stores the change at once
     * and answers a long-running operation that completes on its first poll, as Cloud Run rolls traffic out.
     *
     * @param mask the updateMask's field names; empty replaces every field MeshDeck models (traffic, labels)
     */
    synchronized ObjectNode patch(String id, JsonNode body, List<String> mask, boolean validateOnly, Instant now) {
        ObjectNode service = existing(id);
        String etag = body.path("etag").asText("");
        if (!etag.isEmpty() && !etag.equals(service.path("etag").asText())) {
            throw CloudRunException.aborted("The etag '" + etag + "' of service " + service.path("name").asText()
                    + " does not match its current etag: it was changed since it was read. Read it again and retry.");
        }
        ObjectNode next = service.deepCopy();
        if (mask.isEmpty() || mask.contains("traffic")) {
            JsonNode traffic = body.path("traffic");
            next.set("traffic", traffic.isArray() && !traffic.isEmpty() ? traffic.deepCopy()
                    : mapper.createArrayNode().add(mapper.createObjectNode().put("type", LATEST).put("percent", 100)));
        }
        if (mask.isEmpty() || mask.contains("labels")) {
            next.set("labels", body.path("labels").isObject() ? body.path("labels").deepCopy() : mapper.createObjectNode());
        }
        checkTraffic(id, next.path("traffic"));
        Operation operation = new Operation(parent() + "/operations/" + UUID.randomUUID(), id);
        if (validateOnly) {
            operation.polls = 1;
            operation.result = next;
            return operation.json(mapper);
        }
        next.put("generation", String.valueOf(next.path("generation").asLong() + 1));
        next.put("updateTime", now.toString());
        services.put(id, next);
        settle(id, now);
        next.put("reconciling", true);
        operations.put(operation.name, operation);
        return operation.json(mapper);
    }

    /** operations.get: done from the first poll on, with the service as it then is. */
    synchronized ObjectNode operation(String name) {
        Operation operation = operations.get(name);
        if (operation == null) {
            throw CloudRunException.notFound("Operation " + name + " not found.");
        }
        operation.polls++;
        services.get(operation.service).put("reconciling", false);
        operation.result = services.get(operation.service).deepCopy();
        return operation.json(mapper);
    }

    private ObjectNode existing(String id) {
        ObjectNode service = services.get(id);
        if (service == null) {
            throw CloudRunException.notFound("Resource '" + id + "' of kind 'SERVICE' in region '" + region
                    + "' in project '" + project + "' does not exist.");
        }
        return service;
    }

    /** Cloud Run's own traffic checks, with its words: percentages sum to 100, tags unique, revisions exist. */
    private void checkTraffic(String id, JsonNode traffic) {
        Set<String> known = new HashSet<>();
        revisions.get(id).forEach(r -> known.add(shortName(r.path("name").asText())));
        Set<String> tags = new HashSet<>();
        long sum = 0;
        for (JsonNode target : traffic) {
            String type = target.path("type").asText(REVISION);
            String revision = target.path("revision").asText("");
            if (LATEST.equals(type) == !revision.isEmpty()) {
                throw CloudRunException.invalid("spec.traffic: a traffic target names either a revision or the latest"
                        + " revision (TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST), exactly one of them.");
            }
            if (!revision.isEmpty() && !known.contains(revision)) {
                throw CloudRunException.invalid("spec.traffic: Revision named '" + revision
                        + "' referenced in traffic not found. Specify a valid revision name.");
            }
            String tag = target.path("tag").asText("");
            if (!tag.isEmpty() && (!TAG.matcher(tag).matches() || !tags.add(tag))) {
                throw CloudRunException.invalid("spec.traffic: tag '" + tag + "' is " + (tags.contains(tag)
                        ? "used by more than one traffic target" : "not a valid tag: lowercase letters, digits and"
                        + " dashes, starting with a letter, at most 46 characters") + ".");
            }
            sum += target.path("percent").asLong(0);
        }
        if (sum != 100) {
            throw CloudRunException.invalid("spec.traffic: the traffic percentages add up to " + sum
                    + "; they must add up to 100.");
        }
    }

    /** Fills what the server computes from the spec: etag, ready conditions, statuses and latest revisions. */
    private void settle(String id, Instant at) {
        ObjectNode service = services.get(id);
        List<ObjectNode> deployed = revisions.get(id);
        String latest = deployed.get(deployed.size() - 1).path("name").asText();
        service.put("latestCreatedRevision", latest);
        service.put("latestReadyRevision", latest);
        service.put("etag", "\"" + uid(service.path("name").asText() + "#" + service.path("generation").asText()
                + service.path("traffic")) + "\"");
        service.put("observedGeneration", service.path("generation").asText());
        service.set("terminalCondition", condition("Ready", at));
        service.set("conditions", mapper.createArrayNode().add(condition("RoutesReady", at))
                .add(condition("ConfigurationsReady", at)));
        ArrayNode statuses = mapper.createArrayNode();
        for (JsonNode target : service.path("traffic")) {
            ObjectNode status = target.deepCopy();
            if (LATEST.equals(status.path("type").asText())) {
                status.put("revision", shortName(latest));
            }
            Optional.ofNullable(target.get("tag")).ifPresent(tag -> status.put("uri",
                    service.path("uri").asText().replace("https://", "https://" + tag.asText() + "---")));
            statuses.add(status);
        }
        service.set("trafficStatuses", statuses);
        service.put("reconciling", false);
    }

    private ObjectNode condition(String type, Instant at) {
        return mapper.createObjectNode().put("type", type).put("state", "CONDITION_SUCCEEDED")
                .put("lastTransitionTime", at.toString());
    }

    static String shortName(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static String uid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** A services.patch in flight: google.longrunning.Operation with the Service as metadata and response. */
    private static final class Operation {
        private final String name;
        private final String service;
        private int polls;
        private ObjectNode result;

        Operation(String name, String service) {
            this.name = name;
            this.service = service;
        }

        ObjectNode json(ObjectMapper mapper) {
            ObjectNode op = mapper.createObjectNode().put("name", name);
            ObjectNode metadata = mapper.createObjectNode().put("@type", CloudRunControlPlane.SERVICE_TYPE);
            if (result != null) {
                metadata.setAll(result);
            }
            op.set("metadata", metadata);
            op.put("done", polls > 0);
            if (polls > 0) {
                op.set("response", metadata.deepCopy());
            }
            return op;
        }
    }
}
