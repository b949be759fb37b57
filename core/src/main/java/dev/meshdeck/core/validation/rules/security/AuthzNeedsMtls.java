package dev.meshdeck.core.validation.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.Set;

/**
 * An AuthorizationPolicy matches on the peer identity ({@code principals}, {@code notPrincipals},
 * {@code namespaces}, {@code notNamespaces}, or the {@code source.principal}, {@code source.namespace} and
 * {@code connection.sni} conditions) while the PeerAuthentication in force for its workloads disables mTLS, so
 * requests carry no identity (Kiali's MtlsEnabledChecker, KIA0105); or the DestinationRule clients
 * use towards those workloads sets {@code tls: DISABLE}, so they send plaintext. Like Kiali with auto-mTLS (Istio's
 * default), PERMISSIVE counts as enabled: meshed clients still present their identity.
 */
public final class AuthzNeedsMtls implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0354", Severity.ERROR, Category.REFERENCE,
            "AuthorizationPolicy needs mTLS but PeerAuthentication disables it").kiali("KIA0105");

    private static final Set<String> MTLS_KEYS = Set.of("source.namespace", "source.principal", "connection.sni");

    /**
     * Why requests to the policy's workloads carry no peer identity, or null: their PeerAuthentication disables
     * mTLS, or the DestinationRule clients use towards them sets TLS mode DISABLE (under STRICT such requests are
     * refused outright, which MD0355 reports on the DestinationRule).
     */
    private static String plaintext(PeerAuthnModes modes, ClientTlsModes clients, Resource ap) {
        PeerAuthnModes.Effective mode = modes.forWorkload(ap.namespace(), MeshWorkloads.selector(ap));
        String fix = ", so requests carry no peer identity and this never matches; ";
        if (mode.mode().equals("DISABLE")) {
            return "PeerAuthentication " + mode.source().namespace() + "/" + mode.source().name()
                    + " sets mTLS mode DISABLE for these workloads" + fix + "enable mTLS (PERMISSIVE or STRICT) or match on something else";
        }
        Resource dr = clients.forWorkloads(ap.namespace(), MeshWorkloads.selector(ap));
        if (dr != null && ClientTlsModes.mode(dr).equals("DISABLE")) {
            return "DestinationRule " + dr.namespace() + "/" + dr.name() + " (host " + dr.spec().path("host").asText("")
                    + ") makes clients send plaintext to these workloads" + fix + "use tls mode ISTIO_MUTUAL or match on something else";
        }
        return null;
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        if (!context.knows("PeerAuthentication") && !context.knows("DestinationRule")) {
            return;
        }
        PeerAuthnModes modes = new PeerAuthnModes(context);
        ClientTlsModes clients = new ClientTlsModes(context);
        for (Resource ap : context.ofKind("AuthorizationPolicy")) {
            if (!ap.candidate()) {
                continue;
            }
            String why = plaintext(modes, clients, ap);
            if (why == null) {
                continue;
            }
            JsonNode rules = ap.spec().path("rules");
            for (int i = 0; i < rules.size(); i++) {
                JsonNode from = rules.get(i).path("from");
                for (int j = 0; j < from.size(); j++) {
                    for (String field : new String[] {"principals", "notPrincipals", "namespaces", "notNamespaces"}) {
                        if (from.get(j).path("source").path(field).size() > 0) {
                            findings.report(INFO, ap, "/spec/rules/" + i + "/from/" + j + "/source/" + field,
                                    "source." + field + " needs mTLS: " + why);
                        }
                    }
                }
                JsonNode when = rules.get(i).path("when");
                for (int k = 0; k < when.size(); k++) {
                    String key = when.get(k).path("key").asText("");
                    if (MTLS_KEYS.contains(key)) {
                        findings.report(INFO, ap, "/spec/rules/" + i + "/when/" + k, "condition " + key
                                + " needs mTLS: " + why);
                    }
                }
            }
        }
    }
}
