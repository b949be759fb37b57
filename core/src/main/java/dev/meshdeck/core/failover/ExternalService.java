package dev.meshdeck.core.failover;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettingsTLSmode;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryLocation;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryResolution;
import io.fabric8.istio.api.networking.v1.DestinationRuleBuilder;
import io.fabric8.istio.api.networking.v1.ServiceEntryBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * What lets the mesh call an HTTPS endpoint outside it: a ServiceEntry (MESH_EXTERNAL, DNS resolution, the
 * HTTPS port) and a DestinationRule that originates TLS to it with the right SNI, verifying its certificate
 * against the proxy's CA bundle. Callers keep speaking plain HTTP to the function's host; their sidecar opens
 * the TLS connection, as a Lambda function URL requires.
 */
final class ExternalService {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The CA bundle of Istio's proxy image: the endpoint's certificate is verified (Istio's analyzer, IST0128). */
    static final String CA_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";

    private ExternalService() {
    }

    /** The ServiceEntry and DestinationRule, both named {@code name}, in {@code namespace}. */
    static List<ObjectNode> of(String namespace, String name, FailoverTarget.External target) {
        HasMetadata entry = new ServiceEntryBuilder()
                .withNewMetadata().withNamespace(namespace).withName(name)
                .addToAnnotations(FailoverPlanner.CREATED_BY, "failover").endMetadata()
                .withNewSpec()
                .withHosts(target.host())
                .withLocation(ServiceEntryLocation.MESH_EXTERNAL)
                .withResolution(ServiceEntryResolution.DNS)
                .addNewPort().withNumber((long) target.port()).withName("https").withProtocol("HTTPS").endPort()
                .endSpec()
                .build();
        HasMetadata tls = new DestinationRuleBuilder()
                .withNewMetadata().withNamespace(namespace).withName(name)
                .addToAnnotations(FailoverPlanner.CREATED_BY, "failover").endMetadata()
                .withNewSpec()
                .withHost(target.host())
                .withNewTrafficPolicy().withNewTls().withMode(ClientTLSSettingsTLSmode.SIMPLE).withSni(target.host())
                .withCaCertificates(CA_BUNDLE).endTls().endTrafficPolicy()
                .endSpec()
                .build();
        return List.of(tree(entry), tree(tls));
    }

    private static ObjectNode tree(HasMetadata object) {
        return MAPPER.valueToTree(object);
    }
}
