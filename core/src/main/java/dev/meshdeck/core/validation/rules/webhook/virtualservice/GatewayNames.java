package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import java.util.Optional;

/** A gateway reference that is neither "namespace/name" with DNS labels nor a host name. */
public final class GatewayNames implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0405", Severity.ERROR, Category.SCHEMA,
            "VirtualService gateway reference is not <namespace>/<name>").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        GatewayReferences.forEach(context, (spec, gateway) -> problem(gateway.node().asText(""))
                .ifPresent(p -> findings.report(INFO, spec.vs(), gateway.pointer(), p)));
    }

    static Optional<String> problem(String name) {
        int slash = name.indexOf('/');
        if (slash < 0) {
            return IstioValues.fqdn(name).map(p -> "gateway " + p + "; write <namespace>/<name>");
        }
        String namespace = name.substring(0, slash);
        String gateway = name.substring(slash + 1);
        if (namespace.isEmpty() || gateway.isEmpty()) {
            return Optional.of("config namespace and gateway name cannot be empty: write <namespace>/<name>");
        }
        if (!IstioValues.isDns1123Label(namespace)) {
            return Optional.of("invalid value for namespace: \"" + namespace + "\" (a namespace is a DNS label, no wildcard)");
        }
        return IstioValues.isDns1123Label(gateway) ? Optional.empty()
                : Optional.of("invalid value for gateway name: \"" + gateway + "\" (a Gateway's name, no wildcard)");
    }
}
