package dev.meshdeck.core.validation.rules.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases from Istio's agent validation tests (ValidateWildcardDomain, ValidateFQDN, ValidateIPSubnet, ...). */
class IstioValuesTest {

    @Test
    void wildcardDomainsAsIstioJudgesThem() {
        assertThat(IstioValues.wildcardDomain("*")).isEmpty();
        assertThat(IstioValues.wildcardDomain("*.bar.com")).isEmpty();
        assertThat(IstioValues.wildcardDomain("*-bar.com")).isEmpty();
        assertThat(IstioValues.wildcardDomain("istio.io.")).isEmpty();
        assertThat(IstioValues.wildcardDomain("foo*.bar.com")).hasValue("domain name \"foo*.bar.com\" invalid (label \"foo*\" invalid)");
        assertThat(IstioValues.wildcardDomain("foo.*.com")).hasValue("domain name \"foo.*.com\" invalid (label \"*\" invalid)");
        assertThat(IstioValues.wildcardDomain("bar.1")).get().asString().contains("cannot be all-numeric");
        assertThat(IstioValues.wildcardDomain("")).hasValue("empty domain name not allowed");
        assertThat(IstioValues.wildcardDomain("a".repeat(64) + ".com")).isPresent();
    }

    @Test
    void fqdnRefusesWildcards() {
        assertThat(IstioValues.fqdn("reviews.default.svc.cluster.local")).isEmpty();
        assertThat(IstioValues.fqdn("*.example.com")).isPresent();
        assertThat(IstioValues.fqdn("Upper.example.com")).as("Istio's labels take either case").isEmpty();
        assertThat(IstioValues.fqdn("under_score.example.com")).isPresent();
    }

    @Test
    void durationsOfAtLeastOneWholeMillisecond() {
        assertThat(IstioValues.duration("1ms")).isEmpty();
        assertThat(IstioValues.duration("1.5s")).isEmpty();
        assertThat(IstioValues.duration("0.5ms")).hasValue("duration must be greater than 1ms");
        assertThat(IstioValues.duration("1500us")).hasValue("only durations to ms precision are supported");
        assertThat(IstioValues.duration("soon")).isEmpty();
    }

    @Test
    void addressesAndSubnets() {
        assertThat(IstioValues.ipSubnet("10.0.0.0/8")).isEmpty();
        assertThat(IstioValues.ipSubnet("1.2.3.4")).isEmpty();
        assertThat(IstioValues.ipSubnet("2001:db8::/32")).isEmpty();
        assertThat(IstioValues.ipSubnet("999.1.1.1/40")).hasValue("999.1.1.1/40 is not a valid CIDR block");
        assertThat(IstioValues.ipSubnet("1.2.3.4/33")).isPresent();
        assertThat(IstioValues.ipSubnet("example.com")).isPresent();
        assertThat(IstioValues.port(0)).isPresent();
        assertThat(IstioValues.port(65535)).isEmpty();
        assertThat(IstioValues.partialWildcard("foo*.bar")).isPresent();
        assertThat(IstioValues.partialWildcard("*.bar")).isEmpty();
    }

    @Test
    void selectorLabelsAreExactAndKeyed() {
        assertThat(IstioValues.selectorLabel("app.kubernetes.io/name", "")).isEmpty();
        assertThat(IstioValues.selectorLabel("", "v1")).hasValue("empty key is not supported in selector: \"=v1\"");
        assertThat(IstioValues.selectorLabel("app", "web-*")).hasValue("wildcard is not supported in selector: \"app=web-*\"");
        assertThat(IstioValues.selectorLabel("app*", "web")).isPresent();
    }

    @Test
    void strictHeaderNamesAreLettersDigitsDashAndUnderscore() {
        assertThat(IstioValues.strictHeaderName("x-jwt_claim-1")).isEmpty();
        assertThat(IstioValues.strictHeaderName(":authority")).isPresent();
        assertThat(IstioValues.strictHeaderName("abc%123")).isPresent();
        assertThat(IstioValues.strictHeaderName("")).hasValue("header name cannot be empty");
    }

    @Test
    void labelsAsKubernetesAcceptsThem() {
        assertThat(IstioValues.label("app", "reviews")).isEmpty();
        assertThat(IstioValues.label("app.kubernetes.io/name", "Reviews_v1.2")).isEmpty();
        assertThat(IstioValues.label("track", "")).isEmpty();
        assertThat(IstioValues.label(".", "~")).hasValue("invalid label key \".\"");
        assertThat(IstioValues.label("app", "-v1")).hasValue("invalid label value \"-v1\"");
        assertThat(IstioValues.label("a".repeat(64), "x")).get().asString().contains("name is too long");
    }

    @Test
    void unixSocketsAreAbsoluteFilesOrAbstractNames() {
        assertThat(IstioValues.isUnixAddress("unix:///var/run/app.sock")).isTrue();
        assertThat(IstioValues.isUnixAddress("uds:///tmp")).isFalse();
        assertThat(IstioValues.unixAddress("unix:///var/run/app.sock")).isEmpty();
        assertThat(IstioValues.unixAddress("unix://@abstract")).isEmpty();
        assertThat(IstioValues.unixAddress("unix://relative.sock")).hasValue("relative.sock is not an absolute path to a file");
        assertThat(IstioValues.unixAddress("unix:///dir/")).isPresent();
        assertThat(IstioValues.unixAddress("unix://")).hasValue("unix address must not be empty");
    }

    /** Istio's TestValidateHTTPHeaderName (match header names) and TestValidateHTTPHeaderValue. */
    @Test
    void headerNamesAndValuesAsEnvoyTakesThem() {
        assertThat(IstioValues.httpHeaderName("X-Requested-With")).isEmpty();
        assertThat(IstioValues.httpHeaderName("funky!$#_")).isEmpty();
        assertThat(IstioValues.httpHeaderName("")).hasValue("header name cannot be empty");
        assertThat(IstioValues.httpHeaderName("illegal\"char")).isPresent();
        assertThat(IstioValues.headerValue("100%%")).isEmpty();
        assertThat(IstioValues.headerValue("prefix %HOSTNAME% suffix")).isEmpty();
        assertThat(IstioValues.headerValue("%DOWNSTREAM_PEER_CERT_V_END(%b %d %H:%M:%S %Y %Z)%")).isEmpty();
        assertThat(IstioValues.headerValue("%REQ([\"x-a\", \"x-b\"])%")).isEmpty();
        assertThat(IstioValues.headerValue("%START_TIME%%")).get().asString().contains("Un-escaped %");
        assertThat(IstioValues.headerValue("abc%123")).get().asString().contains("Un-terminated variable");
        assertThat(IstioValues.headerValue("%REQ([x-a])%")).get().asString().contains("Expecting '\"'");
        assertThat(IstioValues.headerValue("line\nbreak")).hasValue("header value configuration line\nbreak is invalid");
    }

    @Test
    void labelKeysAndValuesAsKubernetesDefinesThem() {
        assertThat(IstioValues.label("app.kubernetes.io/name", "")).isEmpty();
        assertThat(IstioValues.label("Version_2", "v1.2_beta")).isEmpty();
        assertThat(IstioValues.label("-app", "v1")).isPresent();
        assertThat(IstioValues.label("example.com/", "v1")).isPresent();
        assertThat(IstioValues.label("a".repeat(64), "v1")).get().asString().contains("name is too long");
        assertThat(IstioValues.label("app", "front end")).isPresent();
    }

    /** RE2, as Envoy compiles it: what Java's regex engine would also accept is refused when RE2 cannot run it. */
    @Test
    void regexesInRe2SyntaxOnly() {
        assertThat(IstioValues.re2("^/service/([^/]+)(/.*)$")).isEmpty();
        assertThat(IstioValues.re2("(?i)abc")).isEmpty();
        assertThat(IstioValues.re2("(a)\\1")).get().asString().contains("RE2");
        assertThat(IstioValues.re2("^(?=api).*")).isPresent();
        assertThat(IstioValues.re2("(?<!x)y")).isPresent();
        assertThat(IstioValues.re2("a*+")).isPresent();
        assertThat(IstioValues.re2("[")).isPresent();
        assertThat(IstioValues.re2("?")).isPresent();
        assertThat(IstioValues.re2("a".repeat(1025))).hasValue("regex is too large, max length allowed is 1024");
    }

    /** Cases of Istio's Test_validateExportTo. */

    @Test
    void portNamesAreDnsLabels() {
        // TestValidatePortName (pkg/config/validation/validation_test.go)
        assertThat(IstioValues.portName("")).isPresent();
        assertThat(IstioValues.portName("simple")).isEmpty();
        assertThat(IstioValues.portName("toolong".repeat(14))).isPresent();
    }

    @Test
    void ipv6AddressesWithLeadingZerosAreAddresses() {
        assertThat(IstioValues.ipSubnet("001:db8::")).isEmpty();
    }
}
