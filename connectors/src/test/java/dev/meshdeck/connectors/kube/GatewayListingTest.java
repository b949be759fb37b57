package dev.meshdeck.connectors.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.gateways.IngressGateway;
import dev.meshdeck.core.inventory.SourceRef;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.istio.api.networking.v1.GatewayBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Gateway's ingress pods as telemetry names them, and the Secrets its servers may take a certificate from. */
@EnableKubernetesMockClient(crud = true)
class GatewayListingTest {

    private static final SourceRef.KubeContext CLUSTER = new SourceRef.KubeContext("c", "c", "https://127.0.0.1:1");

    KubernetesClient client;

    private void pod(String namespace, String name, Map<String, String> labels, String replicaSet) {
        PodBuilder pod = new PodBuilder().withNewMetadata().withNamespace(namespace).withName(name).withLabels(labels).endMetadata();
        if (replicaSet != null) {
            pod.editMetadata().addNewOwnerReference().withKind("ReplicaSet").withName(replicaSet).withApiVersion("apps/v1")
                    .withUid("u-" + name).endOwnerReference().endMetadata();
        }
        client.pods().resource(pod.build()).create();
    }

    private void secret(String name, String type, String... keys) {
        SecretBuilder secret = new SecretBuilder().withNewMetadata().withNamespace("istio-system").withName(name).endMetadata()
                .withType(type);
        for (String key : keys) {
            secret.addToData(key, "cGxhY2Vob2xkZXI=");
        }
        client.secrets().resource(secret.build()).create();
    }

    @Test
    void aGatewayConfiguresThePodsItsSelectorSelectsNamedByTheirCanonicalService() {
        pod("istio-system", "istio-ingressgateway-cf3c80916-sphrt",
                Map.of("app", "istio-ingressgateway", "istio", "ingressgateway", "pod-template-hash", "cf3c80916"),
                "istio-ingressgateway-cf3c80916");
        // a second ingress whose pods carry no app label: named after their Deployment
        pod("edge", "edge-gateway-7d9f-abcde", Map.of("istio", "ingressgateway", "pod-template-hash", "7d9f"), "edge-gateway-7d9f");
        pod("frontend", "web-bff-1", Map.of("app", "web-bff"), null);
        Gateway gateway = new GatewayBuilder().withNewMetadata().withNamespace("istio-system").withName("public-gateway").endMetadata()
                .withNewSpec().withSelector(Map.of("istio", "ingressgateway")).endSpec().build();
        client.resource(gateway).create();

        List<IngressGateway> read = GatewayListing.read(client, CLUSTER);

        assertThat(read).singleElement().satisfies(g -> assertThat(g.workloads())
                .extracting(IngressGateway.Workload::qualifiedName)
                .containsExactly("edge/edge-gateway", "istio-system/istio-ingressgateway"));
    }

    @Test
    void thePickerListsTheSecretsHoldingACertificateByNameOnly() {
        secret("public-cert", "kubernetes.io/tls", "tls.crt", "tls.key");
        secret("partner-cert", "Opaque", "tls.crt", "tls.key");
        secret("partner-ca", "Opaque", "cacert");
        secret("db-password", "Opaque", "password");
        secret("half-a-pair", "Opaque", "tls.crt");

        assertThat(GatewayListing.tlsSecrets(client, "istio-system"))
                .containsExactly("partner-ca", "partner-cert", "public-cert");
    }
}
