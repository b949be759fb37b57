package dev.meshdeck.core.editing.forms;

import static dev.meshdeck.core.editing.forms.FormChecks.fixture;
import static dev.meshdeck.core.editing.forms.FormChecks.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshdeck.core.authz.AccessRule;
import dev.meshdeck.core.authz.RequestSource;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Editing an existing authorization rule and JWT issuer through the builders' text, and new policies' selectors. */
class SecurityEntriesTest {

    @Test
    void editingARuleKeepsTheSourceFieldsTheBuilderDoesNotShow() {
        AccessRule rule = AccessRule.anyRequest().withSource(RequestSource.namespaces("frontend")
                .withServiceAccounts(List.of("web-bff")));
        AccessRuleEntry entry = AccessRuleEntry.of(rule);
        assertThat(entry.text("from.namespaces")).isEqualTo("frontend");

        Map<String, String> typed = new java.util.HashMap<>(entry.values());
        typed.put("from.namespaces", "frontend, backend");
        typed.put("to.methods", "GET");
        AccessRule edited = new AccessRuleEntry(typed).toRule(rule);

        assertThat(edited.from().get(0).namespaces()).containsExactly("frontend", "backend");
        assertThat(edited.from().get(0).serviceAccounts()).containsExactly("web-bff");
        assertThat(edited.to().get(0).methods()).containsExactly("GET");
    }

    @Test
    void ruleWithSeveralSourcesIsLeftToTheYaml() {
        AccessRule rule = AccessRule.anyRequest().withSource(RequestSource.namespaces("a")).withSource(RequestSource.namespaces("b"));
        assertThat(AccessRuleEntry.whyNotEditable(rule)).get().asString().contains("edit it in the YAML");
        assertThatThrownBy(() -> AccessRuleEntry.of(rule)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void existingRuleIsReplacedInPlaceOnTheLivePolicy() throws Exception {
        SecurityForm form = SecurityForm.of(read(fixture("inventory-function-authz.yaml")));
        AccessRule first = form.rules().get(0);
        Map<String, String> typed = new java.util.HashMap<>(AccessRuleEntry.of(first).values());
        typed.put("to.paths", "/api/orders");
        SecurityForm next = form.withRule(0, new AccessRuleEntry(typed).toRule(first));
        assertThat(next.rules()).hasSize(form.rules().size());
        assertThat(next.candidateYaml()).contains("/api/orders");
    }

    @Test
    void jwtIssuerIsEditedKeepingWhatTheFormDoesNotShow() throws Exception {
        SecurityForm form = SecurityForm.of(read("""
                apiVersion: security.istio.io/v1
                kind: RequestAuthentication
                metadata: {name: payments-jwt, namespace: payments}
                spec:
                  jwtRules:
                    - issuer: https://auth.meshdeck.example
                      jwksUri: https://auth.meshdeck.example/.well-known/jwks.json
                      outputPayloadToHeader: x-jwt-payload
                """));
        Map<String, String> typed = new java.util.HashMap<>(JwtIssuerEntry.of(form.jwtRules().get(0)).values());
        typed.put("audiences", "payments-api, mobile");
        typed.put("forwardOriginalToken", "true");
        SecurityForm next = form.withJwtRule(0, new JwtIssuerEntry(typed).toRule(form.jwtRules().get(0)));

        assertThat(next.candidate().at("/spec/jwtRules/0/audiences/1").asText()).isEqualTo("mobile");
        assertThat(next.candidate().at("/spec/jwtRules/0/forwardOriginalToken").asBoolean()).isTrue();
        assertThat(next.candidate().at("/spec/jwtRules/0/outputPayloadToHeader").asText()).isEqualTo("x-jwt-payload");
        assertThatThrownBy(() -> new JwtIssuerEntry(Map.of("issuer", "x", "jwksUri", "ftp://keys")).toRule(null))
                .hasMessageContaining("not an http(s) URL");
        assertThatThrownBy(() -> new JwtIssuerEntry(Map.of()).toRule(null)).hasMessageContaining("needs an issuer");
    }

    @Test
    void newPoliciesSelectThePodsAsEachPlatformLabelsThem() {
        ServerlessFunction faas = function(Platform.OPENFAAS, "search-function", Map.of());
        ServerlessFunction plain = function(Platform.KUBERNETES, "order-function", Map.of("app", "orders"));
        assertThat(FunctionTarget.of(faas).selector()).isEqualTo(Map.of("faas_function", "search-function"));
        assertThat(FunctionTarget.of(plain).selector()).isEqualTo(Map.of("app", "orders"));

        var ap = NewPolicy.AUTHORIZATION_POLICY.defaults(FunctionTarget.of(faas));
        assertThat(ap.at("/metadata/namespace").asText()).isEqualTo("frontend");
        assertThat(ap.at("/spec/selector/matchLabels/faas_function").asText()).isEqualTo("search-function");
        var vs = NewPolicy.VIRTUAL_SERVICE.defaults(FunctionTarget.of(faas));
        assertThat(vs.at("/spec/hosts/0").asText()).isEqualTo("search-function");
        assertThat(vs.at("/spec/http/0/route/0/destination/host").asText()).isEqualTo("search-function");

        assertThat(NewPolicy.VIRTUAL_SERVICE.offeredFor(function(Platform.KNATIVE, "thumbnail", Map.of()))).isFalse();
        assertThat(NewPolicy.DESTINATION_RULE.offeredFor(function(Platform.KNATIVE, "thumbnail", Map.of()))).isTrue();
        assertThat(NewPolicy.PEER_AUTHENTICATION.offeredFor(function(Platform.LAMBDA, "invoice-pdf", Map.of()))).isFalse();
    }

    private static ServerlessFunction function(Platform platform, String name, Map<String, String> labels) {
        SourceRef source = platform == Platform.LAMBDA ? new SourceRef.AwsRegion("123456789012", "eu-west-1", "default")
                : new SourceRef.KubeContext("sandbox", "sandbox", "https://127.0.0.1:6443");
        return new ServerlessFunction(new FunctionId(source, platform, "frontend", name), List.of(), MeshStatus.NOT_IN_MESH,
                new Health(1, 1, 1, "Ready"), labels);
    }
}
