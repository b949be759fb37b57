package dev.meshdeck.core.editing.forms;

import static dev.meshdeck.core.editing.forms.FormChecks.errors;
import static dev.meshdeck.core.editing.forms.FormChecks.fixture;
import static dev.meshdeck.core.editing.forms.FormChecks.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshdeck.core.editing.forms.MatchCondition.Attribute;
import dev.meshdeck.core.editing.forms.MatchCondition.Comparison;
import dev.meshdeck.core.routing.Destination;
import org.junit.jupiter.api.Test;

/** The Routing tab's operations on RoutingForm: conditions, per-route fields, destinations and finding paths. */
class RouteEditingTest {

    private static RoutingForm webBff() throws Exception {
        return RoutingForm.of(read(fixture("web-bff-vs.yaml")));
    }

    @Test
    void conditionsAreListedAddedAndRemovedPerMatchEntry() throws Exception {
        RoutingForm form = webBff();
        int standard = form.indexOf("standard-users");
        assertThat(form.conditions(standard)).extracting(c -> c.condition().describe())
                .containsExactly("header x-user-tier = standard");

        RoutingForm and = form.addingCondition(standard, 0, MatchCondition.of(Attribute.URI, null, Comparison.PREFIX, "/api"));
        RoutingForm or = and.addingCondition(standard, 1, MatchCondition.of(Attribute.METHOD, null, Comparison.EXACT, "get"));
        assertThat(or.conditions(standard)).extracting(c -> c.entry() + " " + c.condition().describe())
                .containsExactly("0 header x-user-tier = standard", "0 URI prefix /api", "1 method = GET");
        assertThat(or.candidate().at("/spec/http/" + standard + "/match/1/method/exact").asText()).isEqualTo("GET");

        RoutingForm removed = or.removingCondition(standard, or.conditions(standard).get(2));
        assertThat(removed.route(standard).matches()).hasSize(1);
        assertThat(errors(removed.candidate())).isEmpty();
    }

    @Test
    void conditionNeedsANameForHeadersAndAValueUnlessPresence() {
        assertThatThrownBy(() -> MatchCondition.of(Attribute.HEADER, " ", Comparison.EXACT, "premium"))
                .hasMessageContaining("needs the header name");
        assertThatThrownBy(() -> MatchCondition.of(Attribute.HEADER, "x-user-tier", Comparison.EXACT, ""))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> MatchCondition.of(Attribute.URI, null, Comparison.PRESENT, ""))
                .hasMessageContaining("'present' applies to headers");
        assertThat(MatchCondition.of(Attribute.HEADER, "X-Debug", Comparison.PRESENT, "").describe())
                .isEqualTo("header x-debug present");
    }

    @Test
    void namedRouteFromAConditionGoesBeforeTheCatchAllAndSummarises() throws Exception {
        RoutingForm form = webBff();
        int at = form.newRoutePosition();
        RoutingForm next = form.addingRoute("beta", MatchCondition.of(Attribute.HEADER, "x-beta", Comparison.PRESENT, ""),
                Destination.subset("web-bff", "premium"));
        assertThat(next.route(at).name()).isEqualTo("beta");
        assertThat(next.summary(at)).isEqualTo((at + 1) + ". beta: header x-beta present → premium");
        assertThat(next.summary(next.routes().size() - 1)).contains("every request → standard");
    }

    @Test
    void perRouteFieldsReadAndWriteAsText() throws Exception {
        RoutingForm form = webBff();
        int r = form.indexOf("default");
        RoutingForm next = form.withValue(r, "timeout", "3s").withValue(r, "retries.perTryTimeout", "1s")
                .withValue(r, "fault.abort.httpStatus", "503").withValue(r, "fault.abort.percentage", "5");
        assertThat(next.text(r, "timeout")).isEqualTo("3s");
        assertThat(next.text(r, "retries.attempts")).isEqualTo("2");
        assertThat(next.text(r, "fault.abort.percentage")).isEqualTo("5");
        assertThat(next.candidate().at("/spec/http/" + r + "/fault/abort/httpStatus").asInt()).isEqualTo(503);
        assertThat(next.withValue(r, "fault.abort.httpStatus", "").route(r).fault()).isNull();
        assertThatThrownBy(() -> form.withValue(r, "mirrorPercentage", "10")).hasMessageContaining("mirror");
        assertThatThrownBy(() -> form.withValue(r, "fault.delay.percentage", "10")).hasMessageContaining("delay");
        assertThatThrownBy(() -> form.withValue(r, "timeout", "soon")).hasMessageContaining("not a duration");
    }

    @Test
    void destinationsOfferTheDestinationRuleSubsetsAndWeightsStayWhole() throws Exception {
        RoutingForm form = webBff();
        var dr = read("""
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: web-bff, namespace: frontend}
                spec:
                  host: web-bff
                  subsets: [{name: standard}, {name: premium}, {name: canary}]
                """);
        assertThat(form.destinationChoices(dr)).contains(Destination.subset("web-bff", "canary"));
        int r = form.indexOf("default");
        RoutingForm split = form.addingDestination(r, Destination.subset("web-bff", "canary")).withDestinationWeight(r, 1, 20);
        assertThat(split.route(r).split().destinations()).extracting(d -> d.weight()).containsExactly(80, 20);
        assertThatThrownBy(() -> form.removingDestination(r, 0)).hasMessageContaining("needs a destination");
        assertThat(form.versions()).containsExactly("standard");
        assertThat(split.versions()).containsExactly("standard", "canary");
    }

    @Test
    void findingPathsLandOnRoutesAndFields() {
        assertThat(RoutingForm.fieldAt("spec.http[1].timeout")).contains(new FormField(1, "timeout"));
        assertThat(RoutingForm.fieldAt("spec.http[0].fault.delay.percentage.value"))
                .contains(new FormField(0, "fault.delay.percentage"));
        assertThat(RoutingForm.fieldAt("spec.http[2].route[1].weight")).contains(new FormField(2, "route"));
        assertThat(RoutingForm.fieldAt("spec.hosts[0]")).isEmpty();
        assertThat(ResilienceForm.fieldAt("spec.trafficPolicy.connectionPool.tcp.maxConnections"))
                .contains(FormField.of("connectionPool.tcp.maxConnections"));
        assertThat(ResilienceForm.fieldAt("spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[0]"))
                .contains(FormField.of("locality"));
        assertThat(SecurityForm.fieldAt("spec.rules[1].from[0].source.namespaces[0]")).contains(new FormField(1, "rules"));
        assertThat(SecurityForm.fieldAt("spec.jwtRules[0].jwksUri")).contains(new FormField(0, "jwtRules"));
        assertThat(SecurityForm.fieldAt("metadata.name")).isEmpty();
    }
}
