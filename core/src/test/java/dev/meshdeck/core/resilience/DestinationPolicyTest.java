package dev.meshdeck.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.meshdeck.core.resilience.ConnectionPool.H2UpgradePolicy;
import dev.meshdeck.core.resilience.ConnectionPool.Http;
import dev.meshdeck.core.resilience.ConnectionPool.Http2KeepAlive;
import dev.meshdeck.core.resilience.ConnectionPool.Tcp;
import dev.meshdeck.core.resilience.ConnectionPool.TcpKeepalive;
import dev.meshdeck.core.routing.IstioDuration;
import dev.meshdeck.core.yaml.YamlRenderer;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DestinationPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ConnectionPool FULL_POOL = new ConnectionPool(
            new Tcp(100, IstioDuration.ofMillis(30), IstioDuration.ofSeconds(3600), IstioDuration.ofSeconds(600),
                    new TcpKeepalive(3L, IstioDuration.ofSeconds(7200), IstioDuration.ofSeconds(75))),
            new Http(1024, 1024, 10, 3, IstioDuration.ofSeconds(30), H2UpgradePolicy.UPGRADE, true, 100,
                    new Http2KeepAlive(IstioDuration.ofSeconds(30), IstioDuration.ofSeconds(5))));

    private static final OutlierDetection FULL_OUTLIER = new OutlierDetection(5, 3, 2, null, true,
            IstioDuration.ofSeconds(10), IstioDuration.ofSeconds(30), 50, 30, List.of(500, 503));

    private static JsonNode tree(Object fabric8) {
        return JSON.valueToTree(fabric8);
    }

    @Test
    void removingTheLastSettingRemovesTheTrafficPolicyIstioWouldRejectAsEmpty() {
        DestinationPolicy breaker = DestinationPolicy.of("backend", "inventory-function", "inventory-function")
                .withTrafficPolicy(ResiliencePolicy.none().withConnectionPool(new ConnectionPool(Tcp.maxConnections(100), null)))
                .withSubset(new Subset("v1", Map.of("version", "v1"), ResiliencePolicy.none().withOutlierDetection(FULL_OUTLIER)));
        DestinationRule live = breaker.toDestinationRule();

        DestinationRule cleared = DestinationPolicy.from(live).withTrafficPolicy(ResiliencePolicy.none())
                .withSubset(new Subset("v1", Map.of("version", "v1"), ResiliencePolicy.none()))
                .applyTo(live);

        assertThat(tree(cleared).path("spec").has("trafficPolicy")).isFalse();
        assertThat(tree(cleared).path("spec").path("subsets").path(0).has("trafficPolicy")).isFalse();
    }

    @Test
    void circuitBreakerUsesTheCrdFieldNamesAndIstioDurations() {
        DestinationPolicy dr = DestinationPolicy.of("backend", "inventory-function", "inventory-function")
                .withTrafficPolicy(ResiliencePolicy.none()
                        .withConnectionPool(new ConnectionPool(Tcp.maxConnections(100).withConnectTimeout(IstioDuration.ofMillis(30)),
                                Http.limits(10, 1)))
                        .withOutlierDetection(OutlierDetection.ejectAfter(5, IstioDuration.ofSeconds(30),
                                IstioDuration.ofSeconds(30), 100)));

        assertThat(YamlRenderer.render(tree(dr.toDestinationRule()))).isEqualTo("""
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: inventory-function
                  namespace: backend
                spec:
                  host: inventory-function
                  trafficPolicy:
                    connectionPool:
                      http:
                        http1MaxPendingRequests: 10
                        maxRequestsPerConnection: 1
                      tcp:
                        connectTimeout: 30ms
                        maxConnections: 100
                    outlierDetection:
                      baseEjectionTime: 30s
                      consecutive5xxErrors: 5
                      interval: 30s
                      maxEjectionPercent: 100
                """);
    }

    @Test
    void connectionPoolAndOutlierDetectionCoverEveryFieldOfTheCrd() throws Exception {
        JsonNode crdPolicy = trafficPolicySchema();
        JsonNode pool = tree(FULL_POOL.toFabric8());
        JsonNode outlier = tree(FULL_OUTLIER.toFabric8());

        assertThat(names(pool.get("tcp"))).isEqualTo(names(crdPolicy.at("/connectionPool/properties/tcp/properties")));
        assertThat(names(pool.at("/tcp/tcpKeepalive")))
                .isEqualTo(names(crdPolicy.at("/connectionPool/properties/tcp/properties/tcpKeepalive/properties")));
        assertThat(names(pool.get("http"))).isEqualTo(names(crdPolicy.at("/connectionPool/properties/http/properties")));
        assertThat(names(pool.at("/http/http2KeepAlive")))
                .isEqualTo(names(crdPolicy.at("/connectionPool/properties/http/properties/http2KeepAlive/properties")));
        // consecutiveErrors is deprecated (left null above); every other CRD field is written
        TreeSet<String> crdOutlier = names(crdPolicy.at("/outlierDetection/properties"));
        crdOutlier.remove("consecutiveErrors");
        assertThat(names(outlier)).isEqualTo(crdOutlier);
        assertThat(ConnectionPool.from(FULL_POOL.toFabric8())).isEqualTo(FULL_POOL);
        assertThat(OutlierDetection.from(FULL_OUTLIER.toFabric8())).isEqualTo(FULL_OUTLIER);
    }

    @Test
    void tlsModesLoadBalancersAndSubsetsRoundTrip() {
        ResiliencePolicy locality = ResiliencePolicy.none()
                .withLoadBalancing(LoadBalancing.of(LoadBalancer.simple(LoadBalancer.Algorithm.LEAST_REQUEST))
                        .withLocality(LocalityLoadBalancing.distribute(List.of(new LocalityLoadBalancing.Distribute(
                                "eu-west-1/*", Map.of("eu-west-1/*", 80, "eu-central-1/*", 20))))))
                .withTls(TlsSettings.of(TlsSettings.Mode.ISTIO_MUTUAL));
        Subset sticky = Subset.ofVersion("v2").withPolicy(ResiliencePolicy.none()
                .withLoadBalancing(LoadBalancing.of(LoadBalancer.hashOn(new LoadBalancer.Cookie("session", "/", IstioDuration.ofSeconds(3600)))))
                .withTls(TlsSettings.simple("payments.example.com", "/etc/certs/ca.pem")));
        DestinationPolicy dr = DestinationPolicy.of("payments", "payment-function", "payment-function")
                .withTrafficPolicy(locality).withSubset(Subset.ofVersion("v1")).withSubset(sticky);

        JsonNode spec = tree(dr.toDestinationRule()).get("spec");
        assertThat(spec.at("/trafficPolicy/tls/mode").asText()).isEqualTo("ISTIO_MUTUAL");
        assertThat(spec.at("/trafficPolicy/loadBalancer/simple").asText()).isEqualTo("LEAST_REQUEST");
        assertThat(spec.at("/trafficPolicy/loadBalancer/localityLbSetting/distribute/0/to/eu-central-1~1*").asInt()).isEqualTo(20);
        assertThat(spec.at("/subsets/1/trafficPolicy/loadBalancer/consistentHash/httpCookie/ttl").asText()).isEqualTo("1h");
        assertThat(spec.at("/subsets/1/trafficPolicy/tls/sni").asText()).isEqualTo("payments.example.com");
        assertThat(spec.at("/subsets/1/trafficPolicy/tls/caCertificates").asText()).isEqualTo("/etc/certs/ca.pem");
        assertThat(DestinationPolicy.from(dr.toDestinationRule())).isEqualTo(dr);

        DestinationPolicy failover = dr.withTrafficPolicy(locality.withLoadBalancing(LoadBalancing.of(null)
                .withLocality(LocalityLoadBalancing.failover(List.of(new LocalityLoadBalancing.Failover("eu-west-1", "eu-central-1"))))));
        assertThat(tree(failover.toDestinationRule()).at("/spec/trafficPolicy/loadBalancer/localityLbSetting/failover/0/to").asText())
                .isEqualTo("eu-central-1");
        assertThat(failover.removingSubset("v2").subsets()).extracting(Subset::name).containsExactly("v1");
    }

    private static TreeSet<String> names(JsonNode object) {
        TreeSet<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The DestinationRule v1 trafficPolicy schema from Istio's own CRD (the external judge). */
    private static JsonNode trafficPolicySchema() throws Exception {
        Path crd = Path.of(System.getProperty("meshdeck.shared", "../../shared"), "corpus/istio-crds/crd-all.gen.yaml");
        YAMLMapper yaml = new YAMLMapper();
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = yaml.getFactory().createParser(Files.readString(crd))) {
            yaml.readValues(parser, JsonNode.class).forEachRemaining(docs::add);
        }
        for (JsonNode doc : docs) {
            if ("DestinationRule".equals(doc.at("/spec/names/kind").asText())) {
                for (JsonNode version : doc.at("/spec/versions")) {
                    if ("v1".equals(version.get("name").asText())) {
                        return version.at("/schema/openAPIV3Schema/properties/spec/properties/trafficPolicy/properties");
                    }
                }
            }
        }
        throw new AssertionError("no DestinationRule v1 in " + crd);
    }
}
