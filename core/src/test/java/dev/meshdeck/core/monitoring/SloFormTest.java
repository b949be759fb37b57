package dev.meshdeck.core.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SloFormTest {

    private static final FunctionSeries PDF = new FunctionSeries("serverless", "pdf-render",
            List.of("pdf-render.serverless.svc.cluster.local"), List.of("pdf-render"));

    @Test
    void anExistingRuleIsReadBackIntoTheForm() {
        FunctionSlo slo = new FunctionSlo(Optional.of(Duration.ofMillis(1000)), Optional.of(0.015), Duration.ofSeconds(30),
                AlertSeverity.CRITICAL);
        ObjectNode rule = SloRules.prometheusRule(PDF, slo);

        assertThat(SloForm.existing(rule)).contains(slo);
        assertThat(SloForm.of(slo)).isEqualTo(new SloForm("1s", "1.5%", "30s", AlertSeverity.CRITICAL));
    }

    @Test
    void eachBadFieldIsNamedAndAGoodFormMakesTheRule() {
        SloForm form = SloForm.NEW.withP95("fast").withFor("5 minutes");

        assertThat(form.problems()).containsOnlyKeys(SloForm.P95, SloForm.FOR);
        assertThat(form.withP95("").withErrorRate("").withFor("5m").problems()).containsOnlyKeys(SloForm.P95);

        SloForm good = form.withP95("800ms").withErrorRate("2%").withFor("10m").withSeverity(AlertSeverity.CRITICAL);
        assertThat(good.problems()).isEmpty();
        ObjectNode rule = good.rule(PDF);
        assertThat(rule.path("metadata").path("name").asText()).isEqualTo("pdf-render-slo");
        assertThat(SloForm.existing(rule)).contains(good.slo());
    }

    @Test
    void aRuleWithoutMeshDecksAlertsHasNoObjectivesToShow() {
        ObjectNode other = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        other.putObject("spec").putArray("groups").addObject().putArray("rules").addObject()
                .put("alert", "HighFunctionLatency").put("expr", "x > 1000");
        assertThat(SloForm.existing(other)).isEmpty();
    }
}
