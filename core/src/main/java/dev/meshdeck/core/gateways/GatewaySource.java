package dev.meshdeck.core.gateways;

import dev.meshdeck.core.inventory.SourceRef;
import java.util.List;

/**
 * Where the window reads a cluster's Istio Gateways (for the graph's ingress nodes and the Gateway editor) and the
 * TLS Secrets a server's {@code credentialName} may name. Connectors implement it for kube contexts; every read may
 * block on the network.
 */
public interface GatewaySource {

    /**
     * The source's Gateways, read fresh; none for a source that is not a kube context.
     *
     * @throws IllegalStateException with a message for the user when the context cannot be read
     */
    List<IngressGateway> gatewaysOf(SourceRef source);

    /**
     * The names (never the values) of the Secrets in a namespace that hold a certificate a gateway can serve: of type
     * {@code kubernetes.io/tls}, or with {@code tls.crt} and {@code tls.key}, or a CA bundle ({@code cacert},
     * {@code ca.crt}) for mutual TLS; sorted.
     *
     * @throws IllegalStateException with a message for the user when the context cannot be read
     */
    List<String> tlsSecretsIn(SourceRef source, String namespace);
}
