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
    void selectorLabelsWithoutEmptyKeysOrWildcards() {
        assertThat(IstioValues.selectorLabel("app", "checkout")).isEmpty();
        assertThat(IstioValues.selectorLabel("", "checkout")).hasValue("empty key is not supported in selector: \"=checkout\"");
        assertThat(IstioValues.selectorLabel("app", "*")).hasValue("wildcard is not supported in selector: \"app=*\"");
        assertThat(IstioValues.selectorLabel("app*", "checkout")).isPresent();
    }

    @Test
    void kubernetesLabelsAsIstioChecksAnEndpointsLabels() {
        assertThat(IstioValues.label("security.istio.io/tlsMode", "istio")).isEmpty();
        assertThat(IstioValues.label("App_Name", "")).isEmpty();
        assertThat(IstioValues.label("-app", "x")).hasValue("invalid label key: \"-app\"");
        assertThat(IstioValues.label("a".repeat(64), "x")).get().asString().contains("name is too long");
        assertThat(IstioValues.label("app", "ledger v2")).hasValue("invalid label value: \"ledger v2\"");
    }

    @Test
    void portNamesAreDnsLabels() {
        // TestValidatePortName (pkg/config/validation/validation_test.go)
        assertThat(IstioValues.portName("")).isPresent();
        assertThat(IstioValues.portName("simple")).isEmpty();
        assertThat(IstioValues.portName("full")).isEmpty();
        assertThat(IstioValues.portName("toolong".repeat(14))).isPresent();
    }

    @Test
    void unixSocketsAreAbsoluteFilesOrAbstract() {
        assertThat(IstioValues.unixAddress("/var/run/app.sock")).isEmpty();
        assertThat(IstioValues.unixAddress("@app")).isEmpty();
        assertThat(IstioValues.unixAddress("")).hasValue("unix address must not be empty");
        assertThat(IstioValues.unixAddress("./relative.sock")).hasValue("./relative.sock is not an absolute path to a file");
        assertThat(IstioValues.unixAddress("/var/run/")).isPresent();
    }

    @Test
    void ipv6AddressesWithLeadingZerosAreAddresses() {
        assertThat(IstioValues.ipSubnet("001:db8::")).isEmpty();
    }
}
