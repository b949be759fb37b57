package dev.meshdeck.core.authz;

import static dev.meshdeck.core.authz.RequestSource.copy;
import static dev.meshdeck.core.authz.RequestSource.orNull;

import io.fabric8.istio.api.api.security.v1beta1.Operation;
import io.fabric8.istio.api.api.security.v1beta1.OperationBuilder;
import java.util.List;

/** What the request does ({@code to.operation}): hosts, ports, methods, paths and their {@code not*} exclusions. */
public record RequestOperation(List<String> hosts, List<String> notHosts, List<String> ports, List<String> notPorts,
                               List<String> methods, List<String> notMethods, List<String> paths,
                               List<String> notPaths) {

    public RequestOperation {
        hosts = copy(hosts);
        notHosts = copy(notHosts);
        ports = copy(ports);
        notPorts = copy(notPorts);
        methods = copy(methods);
        notMethods = copy(notMethods);
        paths = copy(paths);
        notPaths = copy(notPaths);
    }

    public static RequestOperation any() {
        return new RequestOperation(null, null, null, null, null, null, null, null);
    }

    /** e.g. {@code methods("GET").withPaths(List.of("/api/*"))}. */
    public static RequestOperation methods(String... values) {
        return any().withMethods(List.of(values));
    }

    public RequestOperation withHosts(List<String> v) {
        return new RequestOperation(v, notHosts, ports, notPorts, methods, notMethods, paths, notPaths);
    }

    public RequestOperation withNotHosts(List<String> v) {
        return new RequestOperation(hosts, v, ports, notPorts, methods, notMethods, paths, notPaths);
    }

    public RequestOperation withPorts(List<String> v) {
        return new RequestOperation(hosts, notHosts, v, notPorts, methods, notMethods, paths, notPaths);
    }

    public RequestOperation withNotPorts(List<String> v) {
        return new RequestOperation(hosts, notHosts, ports, v, methods, notMethods, paths, notPaths);
    }

    public RequestOperation withMethods(List<String> v) {
        return new RequestOperation(hosts, notHosts, ports, notPorts, v, notMethods, paths, notPaths);
    }

    public RequestOperation withNotMethods(List<String> v) {
        return new RequestOperation(hosts, notHosts, ports, notPorts, methods, v, paths, notPaths);
    }

    public RequestOperation withPaths(List<String> v) {
        return new RequestOperation(hosts, notHosts, ports, notPorts, methods, notMethods, v, notPaths);
    }

    public RequestOperation withNotPaths(List<String> v) {
        return new RequestOperation(hosts, notHosts, ports, notPorts, methods, notMethods, paths, v);
    }

    public Operation toFabric8() {
        return new OperationBuilder()
                .withHosts(orNull(hosts)).withNotHosts(orNull(notHosts))
                .withPorts(orNull(ports)).withNotPorts(orNull(notPorts))
                .withMethods(orNull(methods)).withNotMethods(orNull(notMethods))
                .withPaths(orNull(paths)).withNotPaths(orNull(notPaths))
                .build();
    }

    public static RequestOperation from(Operation o) {
        return new RequestOperation(o.getHosts(), o.getNotHosts(), o.getPorts(), o.getNotPorts(), o.getMethods(),
                o.getNotMethods(), o.getPaths(), o.getNotPaths());
    }
}
