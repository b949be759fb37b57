package dev.meshdeck.core.validation.rules.security;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.NamespaceGroups;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * More than one PeerAuthentication without a selector in one namespace (in the root namespace: more than one
 * mesh-wide policy). Istio then uses only the oldest one, so which mode is in force depends on creation order
 * (Kiali's PeerAuthenticationMultiMatchChecker, KIA0002).
 */
public final class PeerAuthnDuplicateSelectorless implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0357", Severity.ERROR, Category.REFERENCE,
            "more than one selector-less PeerAuthentication in a namespace").kiali("KIA0002");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        List<Resource> selectorless = new ArrayList<>();
        for (Resource pa : context.ofKind("PeerAuthentication")) {
            var selector = MeshWorkloads.selector(pa);
            if (selector == null || !selector.isObject() || selector.isEmpty()) {
                selectorless.add(pa);
            }
        }
        NamespaceGroups.forEachClash(selectorless, (pa, clashing) -> {
            String others = clashing.stream().map(Resource::name).collect(Collectors.joining(", "));
            String scope = pa.namespace().equals(MeshWorkloads.ROOT_NAMESPACE) ? "mesh-wide"
                    : "namespace-wide for \"" + pa.namespace() + "\"";
            findings.report(INFO, pa, "/metadata/name", "another PeerAuthentication without selector is also "
                    + scope + " (" + others + "); Istio applies only the oldest one. Keep one and merge the others into it");
        });
    }
}
