package dev.meshdeck.core.validation.rules.webhook;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(IstioValues.fqdn("Upper.example.com")).isPresent();
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
}
