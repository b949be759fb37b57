package dev.meshdeck.core.editing.forms;

import static dev.meshdeck.core.editing.forms.FormChecks.changedLines;
import static dev.meshdeck.core.editing.forms.FormChecks.errors;
import static dev.meshdeck.core.editing.forms.FormChecks.fixture;
import static dev.meshdeck.core.editing.forms.FormChecks.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.changes.ResourceChange;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettingsTLSmode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayFormTest {

    private static GatewayForm publicGateway() throws Exception {
        return GatewayForm.of(read(fixture("public-gateway.yaml")));
    }

    @Test
    void readsEachServersPortHostsTlsModeAndCredential() throws Exception {
        GatewayForm form = publicGateway();

        assertThat(form.servers()).hasSize(2);
        GatewayForm.ServerEntry https = form.servers().get(1);
        assertThat(https.port()).isEqualTo(443);
        assertThat(https.portName()).isEqualTo("https");
        assertThat(https.protocol()).isEqualTo("HTTPS");
        assertThat(https.hosts()).containsExactly("*.meshdeck.example");
        assertThat(https.tlsMode()).contains(ServerTLSSettingsTLSmode.SIMPLE);
        assertThat(https.credentialName()).contains("public-cert");
        assertThat(form.servers().get(0).tlsMode()).isEmpty();
        assertThat(form.changed()).isFalse();
    }

    @Test
    void mutualTlsWithAnotherSecretChangesOnlyThoseLinesAndKeepsWhatTheFormDoesNotEdit() throws Exception {
        GatewayForm form = publicGateway();
        GatewayForm.ServerEntry https = form.servers().get(1);
        GatewayForm mutual = form.withServer(1, https.withTlsMode(Optional.of(ServerTLSSettingsTLSmode.MUTUAL))
                .withCredentialName(Optional.of("partner-mtls")).withHosts(List.of("api.meshdeck.example")));

        JsonNode candidate = mutual.candidate();
        assertThat(changedLines(form.candidate(), candidate)).containsExactlyInAnyOrder(
                "+      mode: MUTUAL", "+      credentialName: partner-mtls", "+    - api.meshdeck.example",
                "-      mode: SIMPLE", "-      credentialName: public-cert", "-    - '*.meshdeck.example'");
        assertThat(candidate.at("/spec/servers/1/bind").asText()).isEqualTo("0.0.0.0");
        assertThat(candidate.at("/spec/servers/1/tls/minProtocolVersion").asText()).isEqualTo("TLSV1_2");
        assertThat(candidate.at("/spec/selector/istio").asText()).isEqualTo("ingressgateway");
        assertThat(errors(candidate)).isEmpty();

        ResourceChange change = mutual.change();
        assertThat(change.operation()).isEqualTo(ResourceChange.Operation.UPDATE);
        assertThat(change.expectedVersion()).as("the live resourceVersion is the precondition").isEqualTo("17");
    }

    @Test
    void aModeThatReadsNoSecretDropsTheCredential() throws Exception {
        GatewayForm form = publicGateway();
        for (ServerTLSSettingsTLSmode mode : List.of(ServerTLSSettingsTLSmode.ISTIO_MUTUAL,
                ServerTLSSettingsTLSmode.PASSTHROUGH, ServerTLSSettingsTLSmode.AUTO_PASSTHROUGH)) {
            GatewayForm.ServerEntry server = form.servers().get(1).withTlsMode(Optional.of(mode));
            assertThat(server.takesCredential()).isFalse();
            JsonNode tls = form.withServer(1, server).candidate().at("/spec/servers/1/tls");
            assertThat(tls.get("mode").asText()).isEqualTo(mode.name());
            assertThat(tls.has("credentialName")).as(mode.name()).isFalse();
        }
        GatewayForm.ServerEntry optional = form.servers().get(1).withTlsMode(Optional.of(ServerTLSSettingsTLSmode.OPTIONAL_MUTUAL));
        assertThat(optional.takesCredential()).isTrue();
        assertThat(optional.credentialName()).contains("public-cert");
        // no TLS at all: the server's tls block goes
        assertThat(form.withServer(1, form.servers().get(1).withTlsMode(Optional.empty())).candidate()
                .at("/spec/servers/1").has("tls")).isFalse();
    }

    @Test
    void addedServerTakesTheNextFreePortAndRemovingOneKeepsTheOthersWhole() throws Exception {
        GatewayForm form = publicGateway().addServer();

        GatewayForm.ServerEntry added = form.servers().get(2);
        assertThat(added.port()).isEqualTo(444);
        assertThat(added.portName()).isEqualTo("https-444");
        assertThat(added.hosts()).containsExactly("*.meshdeck.example");
        assertThat(added.tlsMode()).contains(ServerTLSSettingsTLSmode.SIMPLE);
        GatewayForm picked = form.withServer(2, added.withCredentialName(Optional.of("public-cert")));
        assertThat(picked.candidate().at("/spec/servers/2/tls/credentialName").asText()).isEqualTo("public-cert");

        GatewayForm without = picked.removeServer(0);
        JsonNode candidate = without.candidate();
        assertThat(candidate.at("/spec/servers").size()).isEqualTo(2);
        assertThat(candidate.at("/spec/servers/0/bind").asText()).as("the HTTPS server kept whole").isEqualTo("0.0.0.0");
        assertThat(candidate.at("/spec/servers/1/port/number").asInt()).isEqualTo(444);
        assertThat(without.changed()).isTrue();
    }

    @Test
    void refusesAnotherKind() {
        assertThatThrownBy(() -> GatewayForm.of(read("apiVersion: v1\nkind: Service\nmetadata: {name: x}\n")))
                .hasMessageContaining("edits Gateway, not 'Service'");
    }
}
