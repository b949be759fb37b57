package dev.meshdeck.core.validation.rules.webhook;

import dev.meshdeck.core.routing.IstioDuration;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value checks Istio's admission webhook shares across kinds (istio/istio pkg/config/validation/agent):
 * host names, ports, durations, addresses. Each answers the problem in Istio's words, or empty when the value is
 * fine, so the rules of every kind judge a host or a duration the same way.
 */
public final class IstioValues {

    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private IstioValues() {
    }

    /** A DNS-1123 label: lower-case alphanumerics and '-', at most 63 characters, alphanumeric at both ends. */
    public static boolean isDns1123Label(String label) {
        return label.length() <= 63 && DNS1123_LABEL.matcher(label).matches();
    }

    /** A DNS-1123 label, or one that starts with "*" (a lone "*", or "*" followed by a label's rest such as "*-foo"). */
    public static boolean isWildcardDns1123Label(String label) {
        if (label.isEmpty() || label.length() > 63) {
            return false;
        }
        if (label.equals("*")) {
            return true;
        }
        return label.startsWith("*") ? DNS1123_LABEL.matcher("a" + label.substring(1)).matches()
                : DNS1123_LABEL.matcher(label).matches();
    }

    /** A fully qualified domain name (no wildcard): Istio's ValidateFQDN. */
    public static Optional<String> fqdn(String name) {
        return preconditions(name).or(() -> labels(name, name));
    }

    /** A host that may start with a wildcard label ("*", "*.example.com"): Istio's ValidateWildcardDomain. */
    public static Optional<String> wildcardDomain(String domain) {
        Optional<String> pre = preconditions(domain);
        if (pre.isPresent()) {
            return pre;
        }
        int dot = domain.indexOf('.');
        String first = dot < 0 ? domain : domain.substring(0, dot);
        if (!isWildcardDns1123Label(first)) {
            return Optional.of("domain name \"" + domain + "\" invalid (label \"" + first + "\" invalid)");
        }
        return dot < 0 ? Optional.empty() : labels(domain.substring(dot + 1), domain);
    }

    /** A "*" only as the whole host or its first label ("*.example.com", not "foo*.example.com"). */
    public static Optional<String> partialWildcard(String host) {
        return host.contains("*") && host.length() != 1 && !host.startsWith("*.")
                ? Optional.of("partial wildcard \"" + host + "\" not allowed") : Optional.empty();
    }

    /** A port number 1..65535. */
    public static Optional<String> port(long port) {
        return port >= 1 && port <= 65535 ? Optional.empty()
                : Optional.of("port number " + port + " must be in the range 1..65535");
    }

    /**
     * A protobuf duration as Istio accepts it in a proxy's configuration: at least 1 ms, in whole milliseconds.
     * Text that is not a duration at all is the schema's finding, not this one: it answers empty.
     */
    public static Optional<String> duration(String text) {
        Optional<Duration> d = parseDuration(text);
        if (d.isEmpty()) {
            return Optional.empty();
        }
        if (d.get().compareTo(Duration.ofMillis(1)) < 0) {
            return Optional.of("duration must be greater than 1ms");
        }
        return d.get().toNanos() % 1_000_000 != 0 ? Optional.of("only durations to ms precision are supported")
                : Optional.empty();
    }

    /** The duration written as {@code text}, empty when it is not one. */
    public static Optional<Duration> parseDuration(String text) {
        try {
            return Optional.ofNullable(IstioDuration.parse(text)).map(IstioDuration::value);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An IPv4 or IPv6 address, without a prefix length. */
    public static boolean isIpAddress(String text) {
        if (text.isEmpty() || text.contains("/")) {
            return false;
        }
        if (IPV4.matcher(text).matches()) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (!text.contains(":") || !text.matches("[0-9a-fA-F:.%]+")) {
            return false;
        }
        try {
            // only hex digits, ':' and '.' reach here: InetAddress parses the literal and never looks up a name
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** An address or a CIDR block ("10.0.0.0/8", "2001:db8::/32"): Istio's ValidateIPSubnet. */
    public static Optional<String> ipSubnet(String subnet) {
        int slash = subnet.indexOf('/');
        if (slash < 0) {
            return isIpAddress(subnet) ? Optional.empty() : Optional.of(subnet + " is not a valid IP");
        }
        String address = subnet.substring(0, slash);
        String bits = subnet.substring(slash + 1);
        int max = address.contains(":") ? 128 : 32;
        boolean valid = isIpAddress(address) && bits.matches("\\d{1,3}") && Integer.parseInt(bits) <= max;
        return valid ? Optional.empty() : Optional.of(subnet + " is not a valid CIDR block");
    }

    private static Optional<String> preconditions(String name) {
        if (name.length() > 255) {
            return Optional.of("domain name \"" + name + "\" too long (max 255)");
        }
        return name.isEmpty() ? Optional.of("empty domain name not allowed") : Optional.empty();
    }

    /** The labels of {@code domain}, a part of {@code whole} (which the message names). */
    private static Optional<String> labels(String domain, String whole) {
        String[] parts = domain.split("\\.", -1);
        String top = parts[parts.length - 1];
        if (top.matches("\\d+")) {
            return Optional.of("domain name \"" + whole + "\" invalid (top level domain \"" + top
                    + "\" cannot be all-numeric)");
        }
        for (int i = 0; i < parts.length; i++) {
            // a trailing dot ("istio.io.") is an unambiguous name, not an empty label
            if (i == parts.length - 1 && parts[i].isEmpty()) {
                return Optional.empty();
            }
            if (!isDns1123Label(parts[i])) {
                return Optional.of("domain name \"" + whole + "\" invalid (label \"" + parts[i] + "\" invalid)");
            }
        }
        return Optional.empty();
    }

    /**
     * A label of a workload selector ({@code matchLabels}, a Sidecar's {@code workloadSelector.labels}): Istio
     * refuses an empty key and any "*" (selectors match labels exactly).
     */
    public static Optional<String> selectorLabel(String key, String value) {
        if (key.isEmpty()) {
            return Optional.of("empty key is not supported in selector: \"=" + value + "\"");
        }
        return key.contains("*") || value.contains("*")
                ? Optional.of("wildcard is not supported in selector: \"" + key + "=" + value + "\"")
                : Optional.empty();
    }

    private static final Pattern STRICT_HEADER_NAME = Pattern.compile("[-_A-Za-z0-9]+");

    /** A header name Istio lets a proxy write: letters, digits, '-' and '_' (its ValidateStrictHTTPHeaderName). */
    public static Optional<String> strictHeaderName(String name) {
        if (name.isEmpty()) {
            return Optional.of("header name cannot be empty");
        }
        return STRICT_HEADER_NAME.matcher(name).matches() ? Optional.empty()
                : Optional.of("header name " + name + " is not a valid header name (letters, digits, '-' and '_' only)");
    }
}
