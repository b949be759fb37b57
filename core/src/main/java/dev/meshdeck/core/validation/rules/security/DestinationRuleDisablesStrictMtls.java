package dev.meshdeck.core.validation.rules.security;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.Set;

/**
 * A DestinationRule sends plaintext ({@code tls.mode: DISABLE}) to servers whose PeerAuthentication is STRICT: every
 * connection is refused. Kiali reports this on the DestinationRule for namespace-wide ({@code *.NS.svc.cluster.local},
 * KIA0207) and mesh-wide ({@code *.local}, KIA0208) hosts; MeshDeck also resolves Service hosts to their workloads'
 * policy, and reports on the PeerAuthentication too when that is the candidate.
 */
public final class DestinationRuleDisablesStrictMtls implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0355", Severity.ERROR, Category.REFERENCE,
            "DestinationRule disables TLS towards workloads whose PeerAuthentication is STRICT").kiali("KIA0207");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        MtlsTargets.forEachConflict(context, Set.of("DISABLE"), "STRICT", INFO, "KIA0208", (dr, tls, t, info) -> {
            Resource pa = t.effective().source();
            findings.report(info, dr, "/spec/trafficPolicy/tls/mode", "tls.mode DISABLE sends plaintext to host \""
                    + dr.spec().path("host").asText() + "\", but " + MtlsTargets.describe(t.effective())
                    + " only accepts mTLS: every request fails. Use ISTIO_MUTUAL, or remove the tls setting");
            findings.report(info, pa, "/spec/mtls/mode", "mode STRICT refuses the plaintext that DestinationRule "
                    + dr.namespace() + "/" + dr.name() + " (tls.mode DISABLE) sends to \"" + dr.spec().path("host").asText()
                    + "\": those requests fail. Use PERMISSIVE while clients migrate, or fix the DestinationRule");
        });
    }
}
