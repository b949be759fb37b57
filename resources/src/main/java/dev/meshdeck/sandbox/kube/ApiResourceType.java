package dev.meshdeck.sandbox.kube;

import java.util.List;
import java.util.Locale;

/**
 * One resource type the sandbox API serves: what discovery advertises and, for custom resources, what the
 * sandbox registers as a CustomResourceDefinition.
 *
 * @param group              API group, empty for the core group
 * @param version            API version within the group
 * @param kind               object kind
 * @param plural             resource name in URLs
 * @param singular           singular name, as kubectl accepts it
 * @param namespaced         whether objects live in a namespace
 * @param shortNames         kubectl short names (vs, ksvc, ...)
 * @param custom             defined by a CRD (rather than built into Kubernetes)
 * @param statusSubresource  status is written through {@code /status} only, as real controllers do
 */
public record ApiResourceType(String group, String version, String kind, String plural, String singular,
                              boolean namespaced, List<String> shortNames, boolean custom,
                              boolean statusSubresource) {

    public ApiResourceType {
        shortNames = List.copyOf(shortNames);
    }

    static ApiResourceType builtIn(String group, String version, String kind, String plural, boolean namespaced,
                                   String... shortNames) {
        return new ApiResourceType(group, version, kind, plural, kind.toLowerCase(Locale.ROOT),
                namespaced, List.of(shortNames), false, false);
    }

    static ApiResourceType crd(String group, String version, String kind, String plural, boolean statusSubresource,
                               String... shortNames) {
        return new ApiResourceType(group, version, kind, plural, kind.toLowerCase(Locale.ROOT),
                true, List.of(shortNames), true, statusSubresource);
    }

    /** {@code v1} for the core group, {@code group/version} otherwise, as in an object's apiVersion. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The collection URL path, e.g. {@code /apis/networking.istio.io/v1/namespaces/ns/virtualservices}. */
    public String collectionPath(String namespace) {
        String root = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
        return namespaced ? root + "/namespaces/" + namespace + "/" + plural : root + "/" + plural;
    }

    /** The CRD name Kubernetes requires: {@code <plural>.<group>}. */
    public String crdName() {
        return plural + "." + group;
    }
}
