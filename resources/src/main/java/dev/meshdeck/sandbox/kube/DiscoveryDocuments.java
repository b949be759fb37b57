package dev.meshdeck.sandbox.kube;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discovery documents kubectl and fabric8 read before anything else ({@code /api}, {@code /apis},
 * {@code /api/v1}, {@code /apis/<group>}, {@code /apis/<group>/<version>}, {@code /version}). The mock serves
 * none of them; without them kubectl reports "the server doesn't have a resource type".
 */
final class DiscoveryDocuments {

    private static final List<String> VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    /** What {@code kubectl version} shows for the sandbox server. */
    record ServerVersion(String major, String minor, String gitVersion, String gitCommit, String gitTreeState,
                         String buildDate, String goVersion, String compiler, String platform) {
    }

    static final ServerVersion VERSION = new ServerVersion("1", "31", "v1.31.0-meshdeck-sandbox", "meshdeck",
            "clean", "2025-01-01T00:00:00Z", "go1.22", "gc", "linux/amd64");

    private final Map<String, String> documents = new LinkedHashMap<>();

    DiscoveryDocuments() {
        Map<String, List<ApiResourceType>> byGroupVersion = ApiCatalog.byGroupVersion();
        documents.put("/version", json(VERSION));
        documents.put("/api", json(new APIVersionsBuilder()
.withVersions("v1").build()));
        Map<String, List<GroupVersionForDiscovery>> groupVersions = new LinkedHashMap<>();
        byGroupVersion.forEach((groupVersion, types) -> {
            documents.put(rootPath(groupVersion), json(resourceList(groupVersion, types)));
            String group = types.get(0).group();
            if (!group.isEmpty()) {
                groupVersions.computeIfAbsent(group, g -> new ArrayList<>())
                        .add(new GroupVersionForDiscovery(groupVersion, types.get(0).version()));
            }
        });
        // the first version listed is the one clients should prefer
        List<APIGroup> groups = groupVersions.entrySet().stream()
                .map(e -> new APIGroupBuilder().withName(e.getKey()).withVersions(e.getValue())
                        .withPreferredVersion(e.getValue().get(0)).build())
                .toList();
        groups.forEach(g -> documents.put("/apis/" + g.getName(), json(g)));
        documents.put("/apis", json(new APIGroupListBuilder().withGroups(groups).build()));
    }

    /** The document served on {@code path} (without query string), if it is a discovery path. */
    Optional<String> forPath(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return Optional.ofNullable(documents.get(trimmed));
    }

    private static String rootPath(String groupVersion) {
        return groupVersion.contains("/") ? "/apis/" + groupVersion : "/api/" + groupVersion;
    }

    private static Object resourceList(String groupVersion, List<ApiResourceType> types) {
        return new APIResourceListBuilder()
                .withGroupVersion(groupVersion)
                .withResources(types.stream().map(t -> new APIResourceBuilder()
                        .withName(t.plural())
                        .withSingularName(t.singular())
                        .withKind(t.kind())
                        .withNamespaced(t.namespaced())
                        .withVerbs(VERBS)
                        .withShortNames(t.shortNames().isEmpty() ? null : t.shortNames())
                        .build()).toList())
                .build();
    }

    private static String json(Object document) {
        return Serialization.asJson(document);
    }
}
