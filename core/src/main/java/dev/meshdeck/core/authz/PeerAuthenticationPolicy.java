package dev.meshdeck.core.authz;

import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationBuilder;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLS;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLSBuilder;
import io.fabric8.istio.api.api.security.v1beta1.PeerAuthenticationMutualTLSMode;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A PeerAuthentication: which mTLS mode the selected workloads accept, optionally per port.
 *
 * @param mode          null: inherit from the namespace or mesh policy
 * @param portLevelMtls port number to mode; Istio only honours it with a selector
 */
public record PeerAuthenticationPolicy(String namespace, String name, Map<String, String> selector, MtlsMode mode,
                                       Map<Integer, MtlsMode> portLevelMtls) {

    public enum MtlsMode { UNSET, DISABLE, PERMISSIVE, STRICT }

    public PeerAuthenticationPolicy {
        selector = Workloads.ordered(selector);
        portLevelMtls = portLevelMtls == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(portLevelMtls));
        for (int port : portLevelMtls.keySet()) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " in portLevelMtls is outside 1-65535");
            }
        }
    }

    public static PeerAuthenticationPolicy namespaceWide(String namespace, String name, MtlsMode mode) {
        return new PeerAuthenticationPolicy(namespace, name, Map.of(), mode, Map.of());
    }

    public PeerAuthenticationPolicy withMode(MtlsMode newMode) {
        return new PeerAuthenticationPolicy(namespace, name, selector, newMode, portLevelMtls);
    }

    public PeerAuthenticationPolicy withPortMode(int port, MtlsMode portMode) {
        Map<Integer, MtlsMode> copy = new LinkedHashMap<>(portLevelMtls);
        copy.put(port, portMode);
        return new PeerAuthenticationPolicy(namespace, name, selector, mode, copy);
    }

    public PeerAuthentication toPeerAuthentication() {
        return applyTo(new io.fabric8.istio.api.security.v1.PeerAuthenticationBuilder()
                .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withNewSpec().endSpec().build());
    }

    public PeerAuthentication applyTo(PeerAuthentication existing) {
        var spec = existing.getSpec() == null ? new io.fabric8.istio.api.api.security.v1beta1.PeerAuthentication()
                : existing.getSpec();
        Map<String, PeerAuthenticationMutualTLS> ports = new LinkedHashMap<>();
        portLevelMtls.forEach((port, m) -> ports.put(String.valueOf(port), mtls(m)));
        return new io.fabric8.istio.api.security.v1.PeerAuthenticationBuilder(existing)
                .withSpec(new PeerAuthenticationBuilder(spec)
                        .withSelector(Workloads.selector(selector))
                        .withMtls(mode == null ? null : mtls(mode))
                        .withPortLevelMtls(ports.isEmpty() ? null : ports)
                        .build())
                .build();
    }

    private static PeerAuthenticationMutualTLS mtls(MtlsMode mode) {
        return new PeerAuthenticationMutualTLSBuilder().withMode(PeerAuthenticationMutualTLSMode.valueOf(mode.name())).build();
    }

    public static PeerAuthenticationPolicy from(PeerAuthentication pa) {
        var spec = pa.getSpec();
        Map<Integer, MtlsMode> ports = new LinkedHashMap<>();
        if (spec.getPortLevelMtls() != null) {
            spec.getPortLevelMtls().forEach((port, m) -> ports.put(Integer.parseInt(port), mode(m)));
        }
        return new PeerAuthenticationPolicy(pa.getMetadata().getNamespace(), pa.getMetadata().getName(),
                Workloads.labels(spec.getSelector()), mode(spec.getMtls()), ports);
    }

    private static MtlsMode mode(PeerAuthenticationMutualTLS m) {
        return m == null || m.getMode() == null ? null : MtlsMode.valueOf(m.getMode().name());
    }
}
