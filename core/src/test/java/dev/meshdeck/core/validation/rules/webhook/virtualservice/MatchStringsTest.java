package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;

import org.junit.jupiter.api.Test;

class MatchStringsTest {

    @Test
    void refusesNullEmptyAndNonRe2StringMatches() {
        assertFindings(new MatchStrings(), "webhook/virtualservice/match-strings.yaml").containsExactlyInAnyOrder(
                "MD0408@VirtualService shop/null-header@spec.http[0].match[0].headers.x-user",
                "MD0408@VirtualService shop/empty-prefixes@spec.http[0].match[0].method.prefix",
                "MD0408@VirtualService shop/empty-prefixes@spec.http[0].match[0].queryParams.q.prefix",
                "MD0408@VirtualService shop/empty-uri-regex@spec.http[0].match[0].uri.regex",
                "MD0408@VirtualService shop/java-only-regex@spec.http[0].match[0].headers.x-user.regex",
                "MD0408@VirtualService shop/java-only-regex@spec.http[0].match[0].authority.regex",
                "MD0408@VirtualService shop/invalid-regex@spec.http[0].match[0].withoutHeaders.x-debug.regex",
                "MD0408@VirtualService shop/invalid-regex@spec.http[0].match[0].scheme.regex",
                "MD0408@VirtualService shop/too-long-regex@spec.http[0].match[0].uri.regex");
    }
}
