package dev.meshdeck.core.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Resource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The TLS credentials (Secrets named by {@code tls.credentialName}) of an Istio Gateway's servers, looked up
 * where Istio reads them: in the namespace of the gateway pods, not of the Gateway object.
 */
final class GatewayCredentials {

    record Credential(String pointer, String name, String secretName, Resource secret) {
    }

    private GatewayCredentials() {
    }

    /** The credentials of {@code gateway}, or an empty list when its selector matches no pod (reported elsewhere). */
    static List<Credential> of(Resource gateway, MeshIndex mesh) {
        List<Credential> out = new ArrayList<>();
        List<MeshIndex.Workload> pods = mesh.selectWorkloads(gateway.spec().path("selector"), null);
        if (pods.isEmpty()) {
            return out;
        }
        String namespace = pods.get(0).namespace();
        JsonNode servers = gateway.spec().path("servers");
        for (int i = 0; i < servers.size(); i++) {
            String name = servers.get(i).path("tls").path("credentialName").asText("");
            if (name.isEmpty() || name.contains("://")) {
                continue;
            }
            String full = MeshIndex.fullName(namespace, name);
            out.add(new Credential("/spec/servers/" + i + "/tls/credentialName", name, full, mesh.secret(full)));
        }
        return out;
    }

    /**
     * Why a Secret cannot serve as a gateway certificate, or empty when it can: it needs cert/key or
     * tls.crt/tls.key, and the certificate must be PEM that parses and is valid now (Istio's ExtractCertInfo
     * and ValidateCertificate).
     */
    static Optional<String> problem(Resource secret, Date now) {
        byte[] cert = null;
        for (String[] pair : new String[][] {{"cert", "key"}, {"tls.crt", "tls.key"}}) {
            byte[] c = value(secret, pair[0]);
            byte[] k = value(secret, pair[1]);
            if (c.length > 0 && k.length > 0) {
                cert = c;
                break;
            }
        }
        if (cert == null) {
            return Optional.of("it has neither cert/key nor tls.crt/tls.key entries");
        }
        String pem = new String(cert, StandardCharsets.US_ASCII);
        if (!pem.contains("-----BEGIN")) {
            return Optional.of("its certificate is not PEM");
        }
        try {
            X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(cert));
            if (now.after(x509.getNotAfter())) {
                return Optional.of("its certificate expired on " + x509.getNotAfter().toInstant());
            }
            if (now.before(x509.getNotBefore())) {
                return Optional.of("its certificate is not valid before " + x509.getNotBefore().toInstant());
            }
            return Optional.empty();
        } catch (CertificateException | ClassCastException e) {
            return Optional.of("its certificate does not parse");
        }
    }

    private static byte[] value(Resource secret, String key) {
        JsonNode data = secret.tree().path("data").path(key);
        if (data.isTextual()) {
            try {
                return Base64.getMimeDecoder().decode(data.asText());
            } catch (IllegalArgumentException e) {
                return new byte[0];
            }
        }
        JsonNode plain = secret.tree().path("stringData").path(key);
        return plain.isTextual() ? plain.asText().getBytes(StandardCharsets.UTF_8) : new byte[0];
    }
}
