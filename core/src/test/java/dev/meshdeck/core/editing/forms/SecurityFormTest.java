package dev.meshdeck.core.editing.forms;

import static dev.meshdeck.core.editing.forms.FormChecks.changedLines;
import static dev.meshdeck.core.editing.forms.FormChecks.errors;
import static dev.meshdeck.core.editing.forms.FormChecks.fixture;
import static dev.meshdeck.core.editing.forms.FormChecks.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.authz.AccessPolicy;
import dev.meshdeck.core.authz.AccessRule;
import dev.meshdeck.core.authz.JwtRule;
import dev.meshdeck.core.authz.PeerAuthenticationPolicy.MtlsMode;
import dev.meshdeck.core.authz.RequestCondition;
import dev.meshdeck.core.authz.RequestOperation;
import dev.meshdeck.core.authz.RequestSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityFormTest {

    private static SecurityForm inventoryAuthz() throws Exception {
        return SecurityForm.of(read(fixture("inventory-function-authz.yaml")));
    }

    private static final AccessRule NO_DELETE_EXCEPT_PAYMENTS = AccessRule.anyRequest()
            .withSource(RequestSource.any().withNotNamespaces(List.of("payments")))
            .withOperation(RequestOperation.methods("DELETE"));

    @Test
    void denyRuleFromEveryNamespaceButPaymentsOnDelete() throws Exception {
        JsonNode live = read(fixture("inventory-function-authz.yaml"));
        SecurityForm form = SecurityForm.of(live).withAction(AccessPolicy.Action.DENY)
                .withRule(0, NO_DELETE_EXCEPT_PAYMENTS);

        assertThat(form.candidateYaml()).contains("""
                  action: DENY
                  rules:
                  - from:
                    - source:
                        notNamespaces:
                        - payments
                    to:
                    - operation:
                        methods:
                        - DELETE
                """);
        assertThat(form.candidate().at("/metadata/annotations/meshdeck.dev~1ticket").asText()).isEqualTo("SEC-42");
        assertThat(errors(form.candidate())).isEmpty();
    }

    @Test
    void addingARuleKeepsTheExistingRuleLines() throws Exception {
        SecurityForm form = inventoryAuthz();
        SecurityForm added = form.addingRule(NO_DELETE_EXCEPT_PAYMENTS.withCondition(
                new RequestCondition("request.auth.claims[groups]", List.of("sre"), List.of("contractors"))));

        assertThat(changedLines(form.live(), added.candidate())).allMatch(l -> l.startsWith("+")).contains(
                "+        notNamespaces:", "+        - payments", "+        - DELETE",
                "+    - key: request.auth.claims[groups]", "+      - contractors");
        assertThat(added.removingRule(1).candidate()).isEqualTo(form.live());
        assertThat(errors(added.candidate())).isEmpty();
    }

    @Test
    void everySourceAndOperationFieldWithItsNotFormReachesTheYaml() throws Exception {
        AccessRule rule = AccessRule.anyRequest()
                .withSource(RequestSource.any().withPrincipals(List.of("cluster.local/ns/frontend/sa/web-bff"))
                        .withNotPrincipals(List.of("cluster.local/ns/frontend/sa/batch"))
                        .withIpBlocks(List.of("10.0.0.0/16")).withNotIpBlocks(List.of("10.0.9.0/24"))
                        .withNamespaces(List.of("frontend")))
                .withOperation(RequestOperation.any().withPaths(List.of("/api/*")).withNotPaths(List.of("/api/admin/*"))
                        .withPorts(List.of("8080")).withNotPorts(List.of("9090"))
                        .withHosts(List.of("inventory.example")).withNotHosts(List.of("legacy.example"))
                        .withNotMethods(List.of("PATCH")))
                .withCondition(RequestCondition.in("request.auth.claims[groups]", "sre"));
        JsonNode c = inventoryAuthz().withRule(0, rule).candidate();

        for (String field : List.of("principals", "notPrincipals", "ipBlocks", "notIpBlocks", "namespaces")) {
            assertThat(c.at("/spec/rules/0/from/0/source/" + field).isArray()).as(field).isTrue();
        }
        for (String field : List.of("paths", "notPaths", "ports", "notPorts", "hosts", "notHosts", "notMethods")) {
            assertThat(c.at("/spec/rules/0/to/0/operation/" + field).isArray()).as(field).isTrue();
        }
        assertThat(c.at("/spec/rules/0/when/0/values/0").asText()).isEqualTo("sre");
        assertThat(errors(c)).isEmpty();
        assertThat(SecurityForm.ruleFields()).extracting(FieldSpec::key)
                .contains("from.notNamespaces", "to.notHosts", "when.notValues");
    }

    @Test
    void customActionNeedsAProviderAndLeavingCustomDropsIt() throws Exception {
        SecurityForm form = inventoryAuthz();
        assertThatThrownBy(() -> form.withAction(AccessPolicy.Action.CUSTOM)).hasMessageContaining("withCustomAction");
        assertThatThrownBy(() -> form.withCustomAction(" ")).hasMessageContaining("extensionProvider");

        SecurityForm custom = form.withCustomAction("ext-authz");
        assertThat(custom.candidate().at("/spec/action").asText()).isEqualTo("CUSTOM");
        assertThat(custom.candidate().at("/spec/provider/name").asText()).isEqualTo("ext-authz");
        assertThat(custom.withAction(AccessPolicy.Action.AUDIT).candidate().at("/spec").has("provider")).isFalse();
        // the rules are kept as written: the one on source namespaces is what Istio refuses with CUSTOM, and says so
        assertThat(errors(custom.candidate())).singleElement().asString()
                .contains("MD0611").contains("(spec.rules[0].from[0].source.namespaces)");
    }

    @Test
    void newAuthorizationPolicyAllowsTheFunctionsOwnNamespace() throws Exception {
        SecurityForm form = SecurityForm.newAuthorizationPolicy(FunctionTarget.of("serverless", "order-function"));
        JsonNode c = form.candidate();

        assertThat(c.at("/apiVersion").asText()).isEqualTo("security.istio.io/v1");
        assertThat(c.at("/kind").asText()).isEqualTo("AuthorizationPolicy");
        assertThat(c.at("/spec/selector/matchLabels/app").asText()).isEqualTo("order-function");
        assertThat(c.at("/spec/rules/0/from/0/source/namespaces/0").asText()).isEqualTo("serverless");
        assertThat(form.action()).isEqualTo(AccessPolicy.Action.ALLOW);
        assertThat(form.problems()).isEmpty();
        assertThat(errors(c)).isEmpty();
        assertThat(form.removingRule(0).problems()).containsExactly(
                "an ALLOW policy without rules denies every request to the selected workloads");
    }

    @Test
    void peerAuthenticationModeAndPortLevelMtls() throws Exception {
        SecurityForm form = SecurityForm.of(read("""
                apiVersion: security.istio.io/v1
                kind: PeerAuthentication
                metadata:
                  name: inventory-function
                  namespace: backend
                  annotations: {meshdeck.dev/ticket: SEC-7}
                spec:
                  selector:
                    matchLabels:
                      app: inventory-function
                  mtls:
                    mode: PERMISSIVE
                """));
        SecurityForm strict = form.withMtlsMode(MtlsMode.STRICT).withPortMtlsMode(9090, MtlsMode.DISABLE);

        assertThat(changedLines(form.live(), strict.candidate())).containsExactlyInAnyOrder(
                "+    mode: STRICT", "-    mode: PERMISSIVE", "+  portLevelMtls:", "+    \"9090\":", "+      mode: DISABLE");
        assertThat(strict.withPortMtlsMode(9090, null).withMtlsMode(MtlsMode.PERMISSIVE).candidate()).isEqualTo(form.live());
        assertThat(strict.withSelector(Map.of()).problems()).containsExactly(
                "Istio ignores port-level mTLS without a selector: select the function's pods");
        assertThat(errors(strict.candidate())).isEmpty();
        assertThatThrownBy(form::rules).isInstanceOf(IllegalStateException.class)
                .hasMessage("the authorization rule builder belongs to a AuthorizationPolicy; this form edits a PeerAuthentication");
    }

    @Test
    void requestAuthenticationIssuersKeepFieldsTheFormDoesNotShow() throws Exception {
        SecurityForm form = SecurityForm.of(read("""
                apiVersion: security.istio.io/v1
                kind: RequestAuthentication
                metadata:
                  name: inventory-function
                  namespace: backend
                spec:
                  selector:
                    matchLabels:
                      app: inventory-function
                  jwtRules:
                  - issuer: https://login.example
                    jwksUri: https://login.example/jwks.json
                    outputClaimToHeaders:
                    - header: x-tenant
                      claim: tenant
                """));
        SecurityForm added = form.addingJwtRule(JwtRule.of("https://partners.example", "https://partners.example/keys")
                .withAudiences(List.of("inventory"))
                .withFromHeaders(List.of(new JwtRule.TokenHeader("x-partner-token", "Bearer ")))
                .withForwardOriginalToken(true));
        JsonNode c = added.candidate();

        assertThat(c.at("/spec/jwtRules/0/outputClaimToHeaders/0/header").asText()).isEqualTo("x-tenant");
        assertThat(c.at("/spec/jwtRules/1/audiences/0").asText()).isEqualTo("inventory");
        assertThat(c.at("/spec/jwtRules/1/fromHeaders/0/name").asText()).isEqualTo("x-partner-token");
        assertThat(c.at("/spec/jwtRules/1/forwardOriginalToken").asBoolean()).isTrue();
        assertThat(changedLines(form.live(), c)).allMatch(l -> l.startsWith("+"));
        assertThat(errors(c)).isEmpty();
        assertThatThrownBy(() -> added.addingJwtRule(JwtRule.of("https://login.example", null)))
                .hasMessageContaining("already accepted");
        assertThat(added.removingJwtRule(1).candidate()).isEqualTo(form.live());
        assertThat(SecurityForm.newRequestAuthentication(FunctionTarget.of("backend", "inventory-function")).problems())
                .containsExactly("no JWT issuer yet: add the issuer whose tokens the function accepts");
    }

    @Test
    void yamlTextEditsFlowBackIntoTheForm() throws Exception {
        SecurityForm form = inventoryAuthz();
        String text = form.candidateYaml().replace("- GET", "- GET\n        - HEAD");

        SecurityForm followed = form.fromYaml(text);

        assertThat(followed.rules().get(0).to().get(0).methods()).containsExactly("GET", "HEAD");
        assertThat(followed.candidateYaml()).isEqualTo(text);
        assertThat(followed.live()).isEqualTo(form.live());
        assertThatThrownBy(() -> form.fromYaml(text.replace("kind: AuthorizationPolicy", "kind: PeerAuthentication")))
                .hasMessageContaining("edits AuthorizationPolicy, not 'PeerAuthentication'");
    }
}
