package dev.meshdeck.core.authz;

import io.fabric8.istio.api.api.security.v1beta1.Source;
import io.fabric8.istio.api.api.security.v1beta1.SourceBuilder;
import java.util.List;

/**
 * Who sends the request ({@code from.source}). Within one source every non-empty field must match; each
 * {@code not*} field excludes its values. Empty lists are unset.
 */
public record RequestSource(List<String> principals, List<String> notPrincipals,
                            List<String> requestPrincipals, List<String> notRequestPrincipals,
                            List<String> namespaces, List<String> notNamespaces,
                            List<String> serviceAccounts, List<String> notServiceAccounts,
                            List<String> ipBlocks, List<String> notIpBlocks,
                            List<String> remoteIpBlocks, List<String> notRemoteIpBlocks) {

    public RequestSource {
        principals = copy(principals);
        notPrincipals = copy(notPrincipals);
        requestPrincipals = copy(requestPrincipals);
        notRequestPrincipals = copy(notRequestPrincipals);
        namespaces = copy(namespaces);
        notNamespaces = copy(notNamespaces);
        serviceAccounts = copy(serviceAccounts);
        notServiceAccounts = copy(notServiceAccounts);
        ipBlocks = copy(ipBlocks);
        notIpBlocks = copy(notIpBlocks);
        remoteIpBlocks = copy(remoteIpBlocks);
        notRemoteIpBlocks = copy(notRemoteIpBlocks);
    }

    public static RequestSource any() {
        return new RequestSource(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static RequestSource namespaces(String... values) {
        return any().withNamespaces(List.of(values));
    }

    public static RequestSource principals(String... values) {
        return any().withPrincipals(List.of(values));
    }

    public RequestSource withPrincipals(List<String> v) {
        return new RequestSource(v, notPrincipals, requestPrincipals, notRequestPrincipals, namespaces, notNamespaces,
                serviceAccounts, notServiceAccounts, ipBlocks, notIpBlocks, remoteIpBlocks, notRemoteIpBlocks);
    }

    public RequestSource withNotPrincipals(List<String> v) {
        return new RequestSource(principals, v, requestPrincipals, notRequestPrincipals, namespaces, notNamespaces,
                serviceAccounts, notServiceAccounts, ipBlocks, notIpBlocks, remoteIpBlocks, notRemoteIpBlocks);
    }

    public RequestSource withRequestPrincipals(List<String> v) {
        return new RequestSource(principals, notPrincipals, v, notRequestPrincipals, namespaces, notNamespaces,
                serviceAccounts, notServiceAccounts, ipBlocks, notIpBlocks, remoteIpBlocks, notRemoteIpBlocks);
    }

    public RequestSource withNotRequestPrincipals(List<String> v) {
        return new RequestSource(principals, notPrincipals, requestPrincipals, v, namespaces, notNamespaces,
                serviceAccounts, notServiceAccounts, ipBlocks, notIpBlocks, remoteIpBlocks, notRemoteIpBlocks);
    }

    public RequestSource withNamespaces(List<String> v) {
        return new RequestSource(principals, notPrincipals, requestPrincipals, notRequestPrincipals, v, notNamespaces,
                serviceAccounts, notServiceAccounts, ipBlocks, notIpBlocks, remoteIpBlocks, notRemoteIpBlocks);
    }

    public RequestSource withNotNamespaces(List<String> v) {
        return new RequestSource(principals, notPrincipals, requestPrincipals, notRequestPrincipals, namespaces, v,
                serviceAccounts, notServiceAccounts, ipBlocks, notIpBlocks, remoteIpBlocks, notRemoteIpBlocks);
    }

    public RequestSource withServiceAccounts(List<String> v) {
        return new RequestSource(principals, notPrincipals, requestPrincipals, notRequestPrincipals, namespaces,
                notNamespaces, v, notServiceAccounts, ipBlocks, notIpBlocks, remoteIpBlocks, notRemoteIpBlocks);
    }

    public RequestSource withNotServiceAccounts(List<String> v) {
        return new RequestSource(principals, notPrincipals, requestPrincipals, notRequestPrincipals, namespaces,
                notNamespaces, serviceAccounts, v, ipBlocks, notIpBlocks, remoteIpBlocks, notRemoteIpBlocks);
    }

    public RequestSource withIpBlocks(List<String> v) {
        return new RequestSource(principals, notPrincipals, requestPrincipals, notRequestPrincipals, namespaces,
                notNamespaces, serviceAccounts, notServiceAccounts, v, notIpBlocks, remoteIpBlocks, notRemoteIpBlocks);
    }

    public RequestSource withNotIpBlocks(List<String> v) {
        return new RequestSource(principals, notPrincipals, requestPrincipals, notRequestPrincipals, namespaces,
                notNamespaces, serviceAccounts, notServiceAccounts, ipBlocks, v, remoteIpBlocks, notRemoteIpBlocks);
    }

    public RequestSource withRemoteIpBlocks(List<String> v) {
        return new RequestSource(principals, notPrincipals, requestPrincipals, notRequestPrincipals, namespaces,
                notNamespaces, serviceAccounts, notServiceAccounts, ipBlocks, notIpBlocks, v, notRemoteIpBlocks);
    }

    public RequestSource withNotRemoteIpBlocks(List<String> v) {
        return new RequestSource(principals, notPrincipals, requestPrincipals, notRequestPrincipals, namespaces,
                notNamespaces, serviceAccounts, notServiceAccounts, ipBlocks, notIpBlocks, remoteIpBlocks, v);
    }

    public Source toFabric8() {
        return new SourceBuilder()
                .withPrincipals(orNull(principals)).withNotPrincipals(orNull(notPrincipals))
                .withRequestPrincipals(orNull(requestPrincipals)).withNotRequestPrincipals(orNull(notRequestPrincipals))
                .withNamespaces(orNull(namespaces)).withNotNamespaces(orNull(notNamespaces))
                .withServiceAccounts(orNull(serviceAccounts)).withNotServiceAccounts(orNull(notServiceAccounts))
                .withIpBlocks(orNull(ipBlocks)).withNotIpBlocks(orNull(notIpBlocks))
                .withRemoteIpBlocks(orNull(remoteIpBlocks)).withNotRemoteIpBlocks(orNull(notRemoteIpBlocks))
                .build();
    }

    public static RequestSource from(Source s) {
        return new RequestSource(s.getPrincipals(), s.getNotPrincipals(), s.getRequestPrincipals(),
                s.getNotRequestPrincipals(), s.getNamespaces(), s.getNotNamespaces(), s.getServiceAccounts(),
                s.getNotServiceAccounts(), s.getIpBlocks(), s.getNotIpBlocks(), s.getRemoteIpBlocks(),
                s.getNotRemoteIpBlocks());
    }

    static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    static List<String> orNull(List<String> values) {
        // fabric8 drops empty lists anyway; null keeps the builder's intent explicit
        return values.isEmpty() ? null : values;
    }
}
