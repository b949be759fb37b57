package dev.meshdeck.core.validation.rules.security;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.Optional;

/**
 * A DestinationRule originates mTLS ({@code ISTIO_MUTUAL} or {@code MUTUAL}) towards servers whose
 * PeerAuthentication is DISABLE: the servers expect plaintext and the TLS handshake fails. Kiali reports this on the
 * PeerAuthentication for namespace-wide (KIA0505) and mesh-wide (KIA0506) policies; MeshDeck reports it on both
 * objects and also resolves Service hosts to their workloads' policy.
 */
public final class DestinationRuleMtlsToDisabledPeer implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0356", Severity.ERROR, Category.REFERENCE,
            "DestinationRule originates mTLS towards workloads whose PeerAuthentication is DISABLE").kiali("KIA0505");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        if (!context.knows("PeerAuthentication") || !context.knows("DestinationRule")) {
            return;
        }
        MtlsTargets targets = context.index(MtlsTargets.class, MtlsTargets::new);
        for (Resource dr : context.ofKind("DestinationRule")) {
            String tls = dr.spec().path("trafficPolicy").path("tls").path("mode").asText("");
            if (!tls.equals("ISTIO_MUTUAL") && !tls.equals("MUTUAL")) {
                continue;
            }
            MtlsTargets.Target t = targets.of(dr);
            if (t == null || !t.effective().mode().equals("DISABLE")) {
                continue;
            }
            RuleInfo info = switch (t.scope()) {
                case "mesh" -> INFO.kiali("KIA0506");
                case "namespace" -> INFO;
                default -> new RuleInfo(INFO.code(), INFO.severity(), INFO.category(), INFO.title(), INFO.istioCode(),
                        Optional.empty());
            };
            String host = dr.spec().path("host").asText();
            findings.report(info, dr, "/spec/trafficPolicy/tls/mode", "tls.mode " + tls + " sends mTLS to host \"" + host
                    + "\", but " + MtlsTargets.describe(t.effective()) + " makes those workloads expect plaintext: "
                    + "the handshake fails. Enable mTLS on the servers (PERMISSIVE/STRICT) or use tls.mode DISABLE");
            findings.report(info, t.effective().source(), "/spec/mtls/mode", "mode DISABLE makes the workloads expect "
                    + "plaintext, but DestinationRule " + dr.namespace() + "/" + dr.name() + " sends them " + tls
                    + " for \"" + host + "\": those requests fail. Add a DestinationRule with tls.mode DISABLE, or "
                    + "keep mTLS (PERMISSIVE)");
        }
    }
}
