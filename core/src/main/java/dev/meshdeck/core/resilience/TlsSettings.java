package dev.meshdeck.core.resilience;

import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettingsBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettingsTLSmode;
import java.util.List;

/**
 * How the client sidecar talks TLS to the destination ({@code trafficPolicy.tls}).
 *
 * @param caCertificates file with the CA bundle (SIMPLE/MUTUAL), null: system roots or credentialName
 * @param credentialName Kubernetes secret holding client cert/key/CA, instead of files
 */
public record TlsSettings(Mode mode, String sni, String caCertificates, String clientCertificate, String privateKey,
                          String credentialName, List<String> subjectAltNames, Boolean insecureSkipVerify, String caCrl) {

    public enum Mode { DISABLE, SIMPLE, MUTUAL, ISTIO_MUTUAL }

    public TlsSettings {
        subjectAltNames = subjectAltNames == null ? List.of() : List.copyOf(subjectAltNames);
    }

    public static TlsSettings of(Mode mode) {
        return new TlsSettings(mode, null, null, null, null, null, List.of(), null, null);
    }

    /** Originate TLS to an external host, verifying it against {@code caCertificates}. */
    public static TlsSettings simple(String sni, String caCertificates) {
        return new TlsSettings(Mode.SIMPLE, sni, caCertificates, null, null, null, List.of(), null, null);
    }

    public TlsSettings withSni(String newSni) {
        return new TlsSettings(mode, newSni, caCertificates, clientCertificate, privateKey, credentialName,
                subjectAltNames, insecureSkipVerify, caCrl);
    }

    public ClientTLSSettings toFabric8() {
        return new ClientTLSSettingsBuilder()
                .withMode(mode == null ? null : ClientTLSSettingsTLSmode.valueOf(mode.name()))
                .withSni(sni)
                .withCaCertificates(caCertificates)
                .withClientCertificate(clientCertificate)
                .withPrivateKey(privateKey)
                .withCredentialName(credentialName)
                .withSubjectAltNames(subjectAltNames.isEmpty() ? null : subjectAltNames)
                .withInsecureSkipVerify(insecureSkipVerify)
                .withCaCrl(caCrl)
                .build();
    }

    public static TlsSettings from(ClientTLSSettings t) {
        if (t == null) {
            return null;
        }
        return new TlsSettings(t.getMode() == null ? null : Mode.valueOf(t.getMode().name()), t.getSni(),
                t.getCaCertificates(), t.getClientCertificate(), t.getPrivateKey(), t.getCredentialName(),
                t.getSubjectAltNames(), t.getInsecureSkipVerify(), t.getCaCrl());
    }
}
