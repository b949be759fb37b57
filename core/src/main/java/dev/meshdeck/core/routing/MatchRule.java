package dev.meshdeck.core.routing;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequestBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code match} entry of an HTTP route: every condition must hold. Header names are kept in the order
 * the user added them, so the YAML reads as they wrote it.
 *
 * @param uri            null: any path
 * @param method         null: any method
 * @param headers        headers that must match (a {@link StringMatch.Present} checks presence)
 * @param withoutHeaders headers that must NOT match (a {@link StringMatch.Present} requires absence)
 * @param queryParams    query parameters that must match
 */
public record MatchRule(String name, StringMatch uri, StringMatch method, Map<String, StringMatch> headers,
                        Map<String, StringMatch> withoutHeaders, Map<String, StringMatch> queryParams) {

    public MatchRule {
        headers = ordered(headers);
        withoutHeaders = ordered(withoutHeaders);
        queryParams = ordered(queryParams);
    }

    /** Matches every request; refine it with the {@code with*} methods. */
    public static MatchRule any() {
        return new MatchRule(null, null, null, Map.of(), Map.of(), Map.of());
    }

    public MatchRule named(String newName) {
        return new MatchRule(newName, uri, method, headers, withoutHeaders, queryParams);
    }

    public MatchRule withUri(StringMatch newUri) {
        return new MatchRule(name, newUri, method, headers, withoutHeaders, queryParams);
    }

    /** HTTP methods are matched on their upper-case name, as Envoy sees them. */
    public MatchRule withMethod(StringMatch newMethod) {
        return new MatchRule(name, uri, newMethod, headers, withoutHeaders, queryParams);
    }

    /** Header names are lower-cased: Istio rejects upper-case header keys. */
    public MatchRule withHeader(String header, StringMatch match) {
        return new MatchRule(name, uri, method, put(headers, header.toLowerCase(java.util.Locale.ROOT), match),
                withoutHeaders, queryParams);
    }

    public MatchRule withoutHeader(String header, StringMatch match) {
        return new MatchRule(name, uri, method, headers,
                put(withoutHeaders, header.toLowerCase(java.util.Locale.ROOT), match), queryParams);
    }

    public MatchRule withQueryParam(String param, StringMatch match) {
        return new MatchRule(name, uri, method, headers, withoutHeaders, put(queryParams, param, match));
    }

    public MatchRule removingHeader(String header) {
        Map<String, StringMatch> copy = new LinkedHashMap<>(headers);
        copy.remove(header.toLowerCase(java.util.Locale.ROOT));
        return new MatchRule(name, uri, method, copy, withoutHeaders, queryParams);
    }

    public boolean matchesEverything() {
        return uri == null && method == null && headers.isEmpty() && withoutHeaders.isEmpty() && queryParams.isEmpty();
    }

    public HTTPMatchRequest toFabric8() {
        HTTPMatchRequestBuilder b = new HTTPMatchRequestBuilder().withName(name);
        if (uri != null) {
            b.withUri(uri.toFabric8());
        }
        if (method != null) {
            b.withMethod(method.toFabric8());
        }
        headers.forEach((k, v) -> b.addToHeaders(k, v.toFabric8()));
        withoutHeaders.forEach((k, v) -> b.addToWithoutHeaders(k, v.toFabric8()));
        queryParams.forEach((k, v) -> b.addToQueryParams(k, v.toFabric8()));
        return b.build();
    }

    public static MatchRule from(HTTPMatchRequest m) {
        return new MatchRule(m.getName(), StringMatch.from(m.getUri()), StringMatch.from(m.getMethod()),
                convert(m.getHeaders()), convert(m.getWithoutHeaders()), convert(m.getQueryParams()));
    }

    private static Map<String, StringMatch> convert(Map<String, io.fabric8.istio.api.api.networking.v1alpha3.StringMatch> in) {
        Map<String, StringMatch> out = new LinkedHashMap<>();
        if (in != null) {
            in.forEach((k, v) -> out.put(k, StringMatch.from(v)));
        }
        return out;
    }

    private static Map<String, StringMatch> put(Map<String, StringMatch> map, String key, StringMatch value) {
        Map<String, StringMatch> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, StringMatch> ordered(Map<String, StringMatch> map) {
        // LinkedHashMap wrapped read-only: Map.copyOf would lose the user's order
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
