package dev.meshdeck.core.validation.rules.security;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.Set;

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
        MtlsTargets.forEachConflict(context, Set.of("ISTIO_MUTUAL", "MUTUAL"), "DISABLE", INFO, "KIA0506",
                (dr, tls, t, info) -> {
                    String host = dr.spec().path("host").asText();
                    findings.report(info, dr, "/spec/trafficPolicy/tls/mode", "tls.mode " + tls + " sends mTLS to host \""
                            + host + "\", but " + MtlsTargets.describe(t.effective()) + " makes those workloads expect "
                            + "plaintext: the handshake fails. Enable mTLS on the servers (PERMISSIVE/STRICT) or use "
                            + "tls.mode DISABLE");
                    findings.report(info, t.effective().source(), "/spec/mtls/mode", "mode DISABLE makes the workloads "
                            + "expect plaintext, but DestinationRule " + dr.namespace() + "/" + dr.name() + " sends them "
                            + tls + " for \"" + host + "\": those requests fail. Add a DestinationRule with tls.mode DISABLE, "
                            + "or keep mTLS (PERMISSIVE)");
                });
    }
}
