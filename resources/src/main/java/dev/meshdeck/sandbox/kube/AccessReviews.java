package dev.meshdeck.sandbox.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The sandbox's answer to SelfSubjectAccessReviews, which the mock would just store: everything is allowed
 * (the sandbox checks no credentials) unless a test denied it, as RBAC would, with a reason.
 */
public final class AccessReviews {

    static final String PATH = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

    private record Denial(String verb, String resource, String namespace, String reason) {
        boolean matches(JsonNode attributes) {
            return verb.equals(attributes.path("verb").asText())
                    && resource.equals(attributes.path("resource").asText())
                    && (namespace == null || namespace.equals(attributes.path("namespace").asText()));
        }
    }

    private final List<Denial> denials = new CopyOnWriteArrayList<>();

    /**
     * Denies {@code verb} on {@code resource} (a plural: "virtualservices") in {@code namespace} (null: every
     * namespace) from now on.
     */
    public AccessReviews deny(String verb, String resource, String namespace, String reason) {
        denials.add(new Denial(verb, resource, namespace, reason));
        return this;
    }

    /** Everything is allowed again. */
    public void clear() {
        denials.clear();
    }

    static boolean isReview(RecordedRequest request, String path) {
        return request.method() == io.fabric8.mockwebserver.dsl.HttpMethod.POST && path.equals(PATH);
    }

    /** The review as sent, with its status filled in. */
    MockResponse answer(RecordedRequest request) {
        String body = request.getBody() == null ? "{}" : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
        ObjectNode review = (ObjectNode) Serialization.unmarshal(body, JsonNode.class);
        JsonNode attributes = review.path("spec").path("resourceAttributes");
        Denial denial = denials.stream().filter(d -> d.matches(attributes)).findFirst().orElse(null);
        ObjectNode status = review.putObject("status").put("allowed", denial == null);
        if (denial != null) {
            status.put("denied", true).put("reason", denial.reason());
        }
        return new MockResponse().setResponseCode(201).setHeader("Content-Type", "application/json")
                .setBody(Serialization.asJson(review));
    }
}
