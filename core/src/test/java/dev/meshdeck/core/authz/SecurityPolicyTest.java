package dev.meshdeck.core.authz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshdeck.core.authz.PeerAuthenticationPolicy.MtlsMode;
import dev.meshdeck.core.yaml.YamlRenderer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String yaml(Object fabric8) {
        return YamlRenderer.render((JsonNode) JSON.valueToTree(fabric8));
    }

    @Test
    void authorizationRuleWithExclusionsRendersEveryNotField() {
        AccessPolicy policy = AccessPolicy.deny("backend", "inventory-no-writes", Map.of("app", "inventory-function"),
                AccessRule.anyRequest()
                        .withSource(RequestSource.namespaces("frontend")
                                .withNotPrincipals(List.of("cluster.local/ns/frontend/sa/admin"))
                                .withNotRemoteIpBlocks(List.of("10.0.0.0/8")))
                        .withOperation(RequestOperation.any().withNotMethods(List.of("GET", "HEAD"))
                                .withNotPaths(List.of("/health")))
                        .withCondition(RequestCondition.notIn("request.auth.claims[groups]", "admins")));

        assertThat(yaml(policy.toAuthorizationPolicy())).isEqualTo("""
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata:
                  name: inventory-no-writes
                  namespace: backend
                spec:
                  action: DENY
                  rules:
                  - from:
                    - source:
                        namespaces:
                        - frontend
                        notPrincipals:
                        - cluster.local/ns/frontend/sa/admin
                        notRemoteIpBlocks:
                        - 10.0.0.0/8
                    to:
                    - operation:
                        notMethods:
                        - GET
                        - HEAD
                        notPaths:
                        - /health
                    when:
                    - key: request.auth.claims[groups]
                      notValues:
                      - admins
                  selector:
                    matchLabels:
                      app: inventory-function
                """);
        assertThat(AccessPolicy.from(policy.toAuthorizationPolicy())).isEqualTo(policy);
    }

    @Test
    void everyNotVariantRoundTripsThroughFabric8() {
        RequestSource source = new RequestSource(List.of("p"), List.of("np"), List.of("rp"), List.of("nrp"),
                List.of("ns"), List.of("nns"), List.of("sa"), List.of("nsa"), List.of("1.2.3.4"), List.of("5.6.7.8"),
                List.of("9.9.9.9"), List.of("8.8.8.8"));
        RequestOperation operation = new RequestOperation(List.of("h"), List.of("nh"), List.of("80"), List.of("81"),
                List.of("GET"), List.of("POST"), List.of("/a"), List.of("/b"));

        JsonNode src = JSON.valueToTree(source.toFabric8());
        JsonNode op = JSON.valueToTree(operation.toFabric8());

        assertThat(src.size()).isEqualTo(12);
        assertThat(op.size()).isEqualTo(8);
        assertThat(RequestSource.from(source.toFabric8())).isEqualTo(source);
        assertThat(RequestOperation.from(operation.toFabric8())).isEqualTo(operation);
    }

    @Test
    void peerAuthenticationWithPortLevelMtls() {
        PeerAuthenticationPolicy pa = new PeerAuthenticationPolicy("payments", "payment-function",
                Map.of("app", "payment-function"), MtlsMode.STRICT, Map.of()).withPortMode(9090, MtlsMode.PERMISSIVE);

        assertThat(yaml(pa.toPeerAuthentication().getSpec())).isEqualTo("""
                mtls:
                  mode: STRICT
                portLevelMtls:
                  "9090":
                    mode: PERMISSIVE
                selector:
                  matchLabels:
                    app: payment-function
                """);
        assertThat(PeerAuthenticationPolicy.from(pa.toPeerAuthentication())).isEqualTo(pa);
    }

    @Test
    void requestAuthenticationWithJwtRules() {
        RequestAuthenticationPolicy ra = new RequestAuthenticationPolicy("payments", "payments-jwt", Map.of(), List.of())
                .addingRule(JwtRule.of("https://auth.meshdeck.example", "https://auth.meshdeck.example/.well-known/jwks.json")
                        .withAudiences(List.of("payments"))
                        .withFromHeaders(List.of(new JwtRule.TokenHeader("x-jwt", "Bearer ")))
                        .withForwardOriginalToken(true));

        assertThat(yaml(ra.toRequestAuthentication().getSpec())).isEqualTo("""
                jwtRules:
                - audiences:
                  - payments
                  forwardOriginalToken: true
                  fromHeaders:
                  - name: x-jwt
                    prefix: 'Bearer '
                  issuer: https://auth.meshdeck.example
                  jwksUri: https://auth.meshdeck.example/.well-known/jwks.json
                """);
        assertThat(RequestAuthenticationPolicy.from(ra.toRequestAuthentication())).isEqualTo(ra);
    }
}
