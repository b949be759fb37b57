package dev.meshdeck.core.validation.rules.webhook.authorizationpolicy;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.IstioValues;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An address or port in an AuthorizationPolicy that is not one (Istio's ValidateIPs and ValidatePorts): the
 * {@code ipBlocks}/{@code remoteIpBlocks} of a source and the {@code source.ip}, {@code remote.ip} and
 * {@code destination.ip} conditions take an IP or CIDR block; {@code ports} of an operation and the
 * {@code destination.port} condition take a number up to 65535.
 */
public final class AuthzAddressesAndPorts implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0616", Severity.ERROR, Category.SCHEMA,
            "AuthorizationPolicy IP address, CIDR block or port that is not valid").istio("IST0106");

    private static final List<String> ADDRESS_FIELDS = List.of("ipBlocks", "notIpBlocks", "remoteIpBlocks",
            "notRemoteIpBlocks");
    private static final List<String> ADDRESS_KEYS = List.of("source.ip", "remote.ip", "destination.ip");
    private static final List<String> PORT_FIELDS = List.of("ports", "notPorts");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,10}");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (AuthzMatches.AuthzRule rule : AuthzMatches.rules(context)) {
            AuthzMatches.judge(INFO, findings, AuthzAddressesAndPorts::address, rule.sourceValues(ADDRESS_FIELDS));
            AuthzMatches.judge(INFO, findings, AuthzAddressesAndPorts::address, rule.conditionValues(ADDRESS_KEYS));
            AuthzMatches.judge(INFO, findings, AuthzAddressesAndPorts::port, rule.operationValues(PORT_FIELDS));
            AuthzMatches.judge(INFO, findings, AuthzAddressesAndPorts::port, rule.conditionValues(List.of("destination.port")));
        }
    }

    /** Empty values are MD0613's. */
    private static Optional<String> address(String value) {
        if (value.isEmpty() || IstioValues.ipSubnet(value).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(value.contains("/") ? "bad CIDR range \"" + value + "\" (an address and a prefix length, "
                + "such as 10.0.0.0/16)" : "bad IP address \"" + value + "\"");
    }

    /** Port 0 is accepted, as Istio does. */
    private static Optional<String> port(String value) {
        if (value.isEmpty() || DIGITS.matcher(value).matches() && Long.parseLong(value) <= 65535) {
            return Optional.empty();
        }
        return Optional.of("bad port \"" + value + "\" (a number up to 65535)");
    }
}
