package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.RuleAsserter;
import dev.meshdeck.core.validation.Rules;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelegationTest {

    @Test
    void keepsDelegatesToHttpRoutesAndRootRoutesToTheirDelegate() {
        assertFindings(new Delegation(), "webhook/virtualservice/delegation.yaml").containsExactlyInAnyOrder(
                "MD0402@VirtualService shop/delegate-with-gateway@spec.gateways",
                "MD0402@VirtualService shop/delegate-with-tls@spec.tls",
                "MD0402@VirtualService shop/delegate-with-tcp@spec.tcp",
                "MD0402@VirtualService shop/nested-delegate@spec.http[0].delegate",
                "MD0402@VirtualService shop/root-with-route-and-redirect@spec.http[0].redirect",
                "MD0402@VirtualService shop/root-with-route-and-redirect@spec.http[0].route");
    }

    /** A delegate has no hosts by design: the offline schema once demanded them (MD0102 on spec.hosts). */
    @Test
    void aRootAndItsDelegateWithoutHostsPassEveryDefaultRule() {
        List<Finding> errors = RuleAsserter.runAll(Rules.defaults(), "webhook/virtualservice/delegate-and-root.yaml")
                .stream().filter(f -> f.severity() == Severity.ERROR).toList();
        assertThat(errors).isEmpty();
    }
}
