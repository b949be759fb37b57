package dev.meshdeck.connectors.kube;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionLabelRulesTest {

    @Test
    void defaultsMatchEitherConventionLabel() {
        assertThat(FunctionLabelRules.DEFAULT.matches(Map.of("meshdeck.dev/function", "true"))).isTrue();
        assertThat(FunctionLabelRules.DEFAULT.matches(Map.of("app.kubernetes.io/component", "function"))).isTrue();
        assertThat(FunctionLabelRules.DEFAULT.matches(Map.of("meshdeck.dev/function", "false"))).isFalse();
        assertThat(FunctionLabelRules.DEFAULT.matches(Map.of("app", "order-function"))).isFalse();
        assertThat(FunctionLabelRules.DEFAULT.toString())
                .isEqualTo("meshdeck.dev/function=true,app.kubernetes.io/component=function");
    }

    @Test
    void parsesKeyValueAndKeyOnlyRules() {
        FunctionLabelRules rules = FunctionLabelRules.parse(" tier=serverless , faas ");

        assertThat(rules.rules()).containsExactly(
                new FunctionLabelRules.Rule("tier", "serverless"),
                new FunctionLabelRules.Rule("faas", null));
        assertThat(rules.matches(Map.of("tier", "serverless"))).isTrue();
        assertThat(rules.matches(Map.of("faas", "anything"))).isTrue();
        assertThat(rules.matches(Map.of("tier", "web"))).isFalse();
        assertThat(FunctionLabelRules.parse(rules.toString())).isEqualTo(rules);
    }

    @Test
    void rejectsIncompleteRulesNamingThem() {
        assertThatThrownBy(() -> FunctionLabelRules.parse("tier=,faas"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("function label rule 'tier=' is incomplete");
        assertThatThrownBy(() -> FunctionLabelRules.parse(" , "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no function label rule in ' , '");
    }
}
