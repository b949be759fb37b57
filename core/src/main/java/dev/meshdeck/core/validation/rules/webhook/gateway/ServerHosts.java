package dev.meshdeck.core.validation.rules.webhook.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;

/**
 * A server host istiod rejects (Istio's ValidateNamespaceSlashWildcardHostname): none at all, a short name, an
 * invalid or partially wildcarded domain, or a namespace part that is not "*", "." or a namespace name.
 */
public final class ServerHosts implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0532", Severity.ERROR, Category.SCHEMA,
            "Gateway server host invalid").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        Servers.each(context, server -> {
            JsonNode hosts = server.node().path("hosts");
            if (hosts.size() == 0) {
                findings.report(INFO, server.gateway(), server.pointer(), "server config must contain at least one "
                        + "host, e.g. \"*.example.com\" or \"frontend/shop.example.com\"");
            }
            boolean gatewayApi = Servers.fromGatewayApi(server.gateway());
            for (int i = 0; i < hosts.size(); i++) {
                String host = hosts.get(i).asText("");
                String problem = problem(host, gatewayApi);
                if (problem != null) {
                    findings.report(INFO, server.gateway(), server.pointer() + "/hosts/" + i,
                            "host \"" + host + "\": " + problem);
                }
            }
        });
    }

    private static String problem(String host, boolean gatewayApi) {
        int slash = host.indexOf('/');
        if (slash < 0) {
            return dnsName(host);
        }
        String namespace = host.substring(0, slash);
        String name = host.substring(slash + 1);
        if (namespace.isEmpty() || name.isEmpty()) {
            return "config namespace and dnsName in host entry cannot be empty";
        }
        boolean special = namespace.equals("*") || namespace.equals(".") || (namespace.equals("~") && gatewayApi);
        if (!special && !IstioValues.isDns1123Label(namespace)) {
            return "invalid namespace value \"" + namespace + "\" in gateway: use *, . or a namespace name";
        }
        return dnsName(name);
    }

    private static String dnsName(String name) {
        if (!name.equals("*") && !name.contains(".")) {
            return "short names (non FQDN) are not allowed: write the full name, e.g. " + name + ".example.com";
        }
        if (!IstioValues.isIpAddress(name)) {
            String domain = IstioValues.wildcardDomain(name).orElse(null);
            if (domain != null) {
                return domain;
            }
        }
        return IstioValues.partialWildcard(name).orElse(null);
    }
}
