package dev.meshdeck.core.validation.rules.webhook.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import dev.meshdeck.core.validation.rules.webhook.ObjectCheck;
import java.util.Optional;

/**
 * A Sidecar egress listener without hosts, or a host not written "namespace/dnsName" as Istio demands: the
 * namespace "*", ".", a namespace name, each optionally "~"-prefixed to exclude it; the name "*", an FQDN, or one
 * with a leading "*." label (no short names, no partial wildcards).
 */
public final class SidecarEgressHosts extends ObjectCheck {

    static final RuleInfo INFO = RuleInfo.of("MD0586", Severity.ERROR, Category.SCHEMA,
            "Sidecar egress host missing or not namespace/dnsName").istio("IST0106");

    public SidecarEgressHosts() {
        super(INFO, "Sidecar");
    }

    @Override
    protected void check(Resource sidecar, Findings findings) {
        JsonNode egress = sidecar.spec().path("egress");
        for (int i = 0; i < egress.size(); i++) {
            JsonNode hosts = egress.get(i).path("hosts");
            if (egress.get(i).isObject() && hosts.size() == 0) {
                findings.report(INFO, sidecar, "/spec/egress/" + i + "/hosts", "an egress listener must import at "
                        + "least one host, e.g. \"./*\" (this namespace) or \"istio-system/*\"");
            }
            for (int h = 0; h < hosts.size(); h++) {
                int index = h;
                int listener = i;
                problem(hosts.get(h).asText("")).ifPresent(problem -> findings.report(INFO, sidecar,
                        "/spec/egress/" + listener + "/hosts/" + index, problem));
            }
        }
    }

    /** Istio's ValidateNamespaceSlashWildcardHostname for a Sidecar: the first problem of {@code host}, if any. */
    static Optional<String> problem(String host) {
        int slash = host.indexOf('/');
        if (slash < 0) {
            return Optional.of("host \"" + host + "\" must be of the form namespace/dnsName, such as "
                    + "\"./reviews.payments.svc.cluster.local\", \"*/api.example.com\" or \"istio-system/*\"");
        }
        String namespace = host.substring(0, slash);
        String name = host.substring(slash + 1);
        if (namespace.isEmpty() || name.isEmpty()) {
            return Optional.of("host \"" + host + "\": neither the namespace nor the dnsName may be empty");
        }
        String ns = namespace.startsWith("~") ? namespace.substring(1) : namespace;
        if (!ns.isEmpty() && !ns.equals("*") && !ns.equals(".") && !IstioValues.isDns1123Label(ns)) {
            return Optional.of("invalid namespace \"" + namespace + "\" in host \"" + host + "\": use *, ., a namespace "
                    + "name, or ~namespace to exclude one");
        }
        if (!name.equals("*") && !name.contains(".")) {
            return Optional.of("short name \"" + name + "\" in host \"" + host + "\" is not allowed: write the FQDN, "
                    + "e.g. " + namespace + "/" + name + ".<namespace>.svc.cluster.local");
        }
        return IstioValues.wildcardDomain(name).or(() -> IstioValues.partialWildcard(name));
    }
}
