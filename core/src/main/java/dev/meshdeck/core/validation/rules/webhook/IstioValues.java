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

    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private IstioValues() {
    }

    /** A DNS-1123 label as Istio checks it: alphanumerics (either case) and '-', at most 63, alphanumeric at both ends. */
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

    // Kubernetes label syntax as Istio's labels.Instance checks it: an optional DNS prefix and a qualified name.
    private static final Pattern LABEL_KEY = Pattern.compile(
            "(([a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?)*)/)?"
                    + "((?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])");
    private static final Pattern LABEL_VALUE = Pattern.compile("((?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final String UNIX_PREFIX = "unix://";

    /** A label (key and value) as Istio accepts it in subsets, WorkloadEntries and WorkloadGroups. */
    public static Optional<String> label(String key, String value) {
        java.util.regex.Matcher m = LABEL_KEY.matcher(key);
        if (!m.matches()) {
            return Optional.of("invalid label key \"" + key + "\"");
        }
        if (m.group(1) != null && m.group(1).length() - 1 > 253) {
            return Optional.of("invalid label key \"" + key + "\" (DNS prefix is too long)");
        }
        if (m.group(6).length() > 63) {
            return Optional.of("invalid label key \"" + key + "\" (name is too long)");
        }
        return LABEL_VALUE.matcher(value).matches() ? Optional.empty()
                : Optional.of("invalid label value \"" + value + "\"");
    }

    /** Whether {@code address} names a unix domain socket ("unix:///var/run/app.sock", "unix://@abstract"). */
    public static boolean isUnixAddress(String address) {
        return address.startsWith(UNIX_PREFIX);
    }

    /** The socket of a "unix://" address: an abstract name ("@name") or an absolute path to a file. */
    public static Optional<String> unixAddress(String address) {
        String path = address.substring(UNIX_PREFIX.length());
        if (path.isEmpty()) {
            return Optional.of("unix address must not be empty");
        }
        if (path.startsWith("@")) {
            return Optional.empty();
        }
        return path.startsWith("/") && !path.endsWith("/") ? Optional.empty()
                : Optional.of(path + " is not an absolute path to a file");
    }

    /** A workload selector label as Istio accepts it: a non-empty key, and no "*" in key or value. */
    public static Optional<String> selectorLabel(String key, String value) {
        if (key.isEmpty()) {
            return Optional.of("empty key is not supported in selector: \"" + key + "=" + value + "\"");
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

    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+\\-.^_`|~A-Za-z0-9]+");
    private static final Pattern HEADER_VALUE_CONTROL = Pattern.compile("[\\x00-\\x08\\x0A-\\x1F\\x7F]");

    /** A header name of RFC 7230 "token" characters: Istio's rule for header names in matches and CORS lists. */
    public static Optional<String> httpHeaderName(String name) {
        if (name.isEmpty()) {
            return Optional.of("header name cannot be empty");
        }
        return HEADER_NAME.matcher(name).matches() ? Optional.empty()
                : Optional.of("header name " + name + " is not a valid header name");
    }

    /**
     * A header value Envoy accepts in a header operation: no control characters, and every '%' either doubled
     * ("100%%") or opening a complete %VARIABLE% or %VARIABLE(args)% (Envoy's header_parser, as Istio ports it).
     */
    public static Optional<String> headerValue(String value) {
        if (HEADER_VALUE_CONTROL.matcher(value).find()) {
            return Optional.of("header value configuration " + value + " is invalid");
        }
        return EnvoyHeaderFormat.problem(value).map(p -> "header value configuration: " + p);
    }

    /** Envoy's parser of header values, state for state, reporting the first problem. */
    private static final class EnvoyHeaderFormat {

        private enum State { LITERAL, VARIABLE_NAME, EXPECT_ARRAY, EXPECT_STRING, STRING, EXPECT_DELIMITER_OR_END,
            EXPECT_ARGS_END, EXPECT_VARIABLE_END }

        static Optional<String> problem(String value) {
            State state = State.LITERAL;
            for (int pos = 0; pos < value.length(); pos++) {
                char ch = value.charAt(pos);
                boolean hasNext = pos + 1 < value.length();
                switch (state) {
                    case LITERAL -> {
                        if (ch == '%') {
                            if (!hasNext) {
                                return Optional.of("invalid header configuration. Un-escaped %");
                            }
                            if (value.charAt(pos + 1) == '%') {
                                pos++;
                            } else {
                                state = State.VARIABLE_NAME;
                            }
                        }
                    }
                    case VARIABLE_NAME -> state = ch == '%' ? State.LITERAL : ch == '(' ? State.EXPECT_ARRAY : state;
                    case EXPECT_ARRAY -> state = ch == '[' ? State.EXPECT_STRING : ch != ' ' ? State.STRING : state;
                    case EXPECT_DELIMITER_OR_END -> {
                        if (ch == ',') {
                            state = State.EXPECT_STRING;
                        } else if (ch == ']') {
                            state = State.EXPECT_ARGS_END;
                        } else if (ch != ' ') {
                            return Optional.of("invalid header configuration. Expecting ',', ']', or whitespace");
                        }
                    }
                    case EXPECT_STRING -> {
                        if (ch == '"') {
                            state = State.STRING;
                        } else if (ch != ' ') {
                            return Optional.of("invalid header configuration. Expecting '\"'");
                        }
                    }
                    case STRING -> {
                        if (ch == '\\') {
                            if (!hasNext) {
                                return Optional.of("invalid header configuration. Un-terminated backslash in JSON string");
                            }
                            pos++;
                        } else if (ch == ')') {
                            state = State.EXPECT_VARIABLE_END;
                        } else if (ch == '"') {
                            state = State.EXPECT_DELIMITER_OR_END;
                        }
                    }
                    case EXPECT_ARGS_END -> {
                        if (ch == ')') {
                            state = State.EXPECT_VARIABLE_END;
                        } else if (ch != ' ') {
                            return Optional.of("invalid header configuration. Expecting ')' or whitespace");
                        }
                    }
                    case EXPECT_VARIABLE_END -> {
                        if (ch == '%') {
                            state = State.LITERAL;
                        } else if (ch != ' ') {
                            return Optional.of("invalid header configuration. Expecting '%' or whitespace");
                        }
                    }
                    default -> throw new IllegalStateException(state.name());
                }
            }
            return state == State.LITERAL ? Optional.empty()
                    : Optional.of("invalid header configuration. Un-terminated variable expression '" + value + "'");
        }
    }

    /**
     * A regular expression as Envoy compiles it: RE2 syntax (no backreferences, lookarounds or possessive
     * quantifiers, which Java's own regex engine would accept) and at most 1024 characters.
     */
    public static Optional<String> re2(String regex) {
        if (regex.length() > 1024) {
            return Optional.of("regex is too large, max length allowed is 1024");
        }
        try {
            com.google.re2j.Pattern.compile(regex);
            return Optional.empty();
        } catch (com.google.re2j.PatternSyntaxException e) {
            return Optional.of(e.getMessage() + "; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)");
        }
    }

    /** A port name: a DNS-1123 label (Istio's ValidatePortName). */
    public static Optional<String> portName(String name) {
        return isDns1123Label(name) ? Optional.empty() : Optional.of("invalid port name: \"" + name + "\"");
    }
}
