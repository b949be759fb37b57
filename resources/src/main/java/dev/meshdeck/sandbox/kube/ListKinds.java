package dev.meshdeck.sandbox.kube;

import io.fabric8.mockwebserver.http.MockResponse;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists typed as a real API server types them. The mock answers every collection GET with
 * {@code {"apiVersion":"v1","kind":"List",...}}; kubectl's typed clients (used by {@code kubectl rollout history})
 * then decode no items at all. A list of ReplicaSets must say {@code apps/v1 ReplicaSetList}.
 */
final class ListKinds {

    private static final String UNTYPED = "{\"apiVersion\":\"v1\",\"kind\":\"List\",";
    private static final Pattern COLLECTION =
            Pattern.compile("^/(?:api/(v1)|apis/([^/]+)/([^/]+))(?:/namespaces/[^/]+)?/([^/]+)$");

    private ListKinds() {
    }

    /** The response with its list kind set from the collection path, when the path names a known type. */
    static MockResponse typed(String path, MockResponse response) {
        if (response.code() != 200 || response.getBody() == null) {
            return response;
        }
        String body = new String(response.getBody().getBytes(), StandardCharsets.UTF_8);
        if (!body.startsWith(UNTYPED)) {
            return response;
        }
        return typeOf(path).map(type -> response.setBody("{\"apiVersion\":\"" + type.apiVersion() + "\",\"kind\":\""
                + type.kind() + "List\"," + body.substring(UNTYPED.length()))).orElse(response);
    }

    private static Optional<ApiResourceType> typeOf(String path) {
        Matcher m = COLLECTION.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        String group = m.group(1) != null ? "" : m.group(2);
        String version = m.group(1) != null ? m.group(1) : m.group(3);
        return ApiCatalog.all().stream()
                .filter(t -> t.group().equals(group) && t.version().equals(version) && t.plural().equals(m.group(4)))
                .findFirst();
    }
}
