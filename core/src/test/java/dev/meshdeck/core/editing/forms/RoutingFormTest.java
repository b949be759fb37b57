package dev.meshdeck.core.editing.forms;

import static dev.meshdeck.core.editing.forms.FormChecks.changedLines;
import static dev.meshdeck.core.editing.forms.FormChecks.errors;
import static dev.meshdeck.core.editing.forms.FormChecks.fixture;
import static dev.meshdeck.core.editing.forms.FormChecks.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.routing.Destination;
import dev.meshdeck.core.routing.HttpRoute;
import dev.meshdeck.core.routing.IstioDuration;
import dev.meshdeck.core.routing.MatchRule;
import dev.meshdeck.core.routing.Retries;
import dev.meshdeck.core.routing.StringMatch;
import dev.meshdeck.core.routing.WeightSplit;
import dev.meshdeck.core.yaml.YamlProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingFormTest {

    private static RoutingForm webBff() throws Exception {
        return RoutingForm.of(read(fixture("web-bff-vs.yaml")));
    }

    @Test
    void premiumHeaderRouteGoesBeforeTheDefaultRouteAndOnlyAddsItsLines() throws Exception {
        RoutingForm form = webBff().addingHeaderRoute("premium-users", "x-user-tier", StringMatch.exact("premium"),
                Destination.subset("web-bff", "premium"));

        assertThat(form.routes()).extracting(HttpRoute::name).containsExactly("standard-users", "premium-users", "default");
        JsonNode candidate = form.candidate();
        assertThat(candidate.at("/spec/http/1/match/0/headers/x-user-tier/exact").asText()).isEqualTo("premium");
        assertThat(candidate.at("/spec/http/1/route/0/destination/subset").asText()).isEqualTo("premium");
        assertThat(form.candidateYaml()).contains("""
                  - name: premium-users
                    match:
                    - headers:
                        x-user-tier:
                          exact: premium
                    route:
                    - destination:
                        host: web-bff
                        subset: premium
                  - name: default
                """);
        assertThat(changedLines(form.live(), candidate)).allMatch(l -> l.startsWith("+"))
                .contains("+        subset: premium", "+  - name: premium-users");
        assertThat(errors(candidate)).isEmpty();
    }

    @Test
    void unknownFieldsAndEachRoutesOwnFieldsSurviveInsertMoveAndRemove() throws Exception {
        RoutingForm form = webBff()
                .routingVersionByHeader("x-version", "v2", "v2")
                .movingRoute(0, 1)
                .removingRoute(0);
        JsonNode candidate = form.candidate();

        assertThat(form.routes()).extracting(HttpRoute::name).containsExactly("standard-users", "default");
        assertThat(candidate.at("/metadata/annotations/meshdeck.dev~1owner").asText()).isEqualTo("team-web");
        assertThat(candidate.at("/spec/x-vendor-extension/keep").asText()).isEqualTo("me");
        assertThat(candidate.at("/spec/http/0/headers/request/set/x-served-by").asText()).isEqualTo("standard");
        assertThat(candidate.at("/spec/http/1/corsPolicy/allowOrigins/0/exact").asText()).isEqualTo("https://shop.example");
        assertThat(candidate).isEqualTo(form.live());
        assertThat(form.changed()).isFalse();
    }

    @Test
    void timeoutEditChangesOnlyItsLine() throws Exception {
        RoutingForm form = webBff();
        int def = form.indexOf("default");
        RoutingForm edited = form.withTimeout(def, IstioDuration.ofSeconds(5));

        assertThat(changedLines(form.live(), edited.candidate())).containsExactly("+    timeout: 5s");
    }

    @Test
    void blueGreenFlipMovesEveryRouteAndFlipsBack() throws Exception {
        RoutingForm form = webBff();
        RoutingForm flipped = form.switchingBlueGreen("standard", "premium");

        assertThat(flipped.routes()).allSatisfy(r ->
                assertThat(r.split().targets()).extracting(Destination::subset).containsOnly("premium"));
        assertThat(changedLines(form.live(), flipped.candidate())).containsExactlyInAnyOrder(
                "+        subset: premium", "+        subset: premium",
                "-        subset: standard", "-        subset: standard");
        assertThat(flipped.switchingBlueGreen("standard", "premium").candidate()).isEqualTo(form.live());
        assertThatThrownBy(() -> form.switchingBlueGreen("v1", "v2"))
                .hasMessageContaining("no route sends traffic to 'v1' or 'v2'");
    }

    @Test
    void blueGreenFlipSwapsWeightedHostsToo() throws Exception {
        RoutingForm form = RoutingForm.of(read("""
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata: {name: checkout, namespace: shop}
                spec:
                  hosts: [checkout]
                  http:
                  - route:
                    - destination: {host: checkout-blue}
                      weight: 100
                    - destination: {host: checkout-green}
                      weight: 0
                """)).switchingBlueGreen("checkout-blue", "checkout-green");

        assertThat(form.route(0).split().destinations()).extracting(d -> d.destination().host() + "=" + d.weight())
                .containsExactly("checkout-green=100", "checkout-blue=0");
    }

    @Test
    void mirrorFaultsRetriesAndMatchesReachTheCandidate() throws Exception {
        RoutingForm form = webBff();
        int def = form.indexOf("default");
        RoutingForm edited = form
                .withMirror(def, Destination.subset("web-bff", "premium"), 10.0)
                .withDelayFault(def, IstioDuration.ofSeconds(2), 5)
                .withAbortFault(def, 503, 1)
                .withRetries(def, Retries.of(3, IstioDuration.ofSeconds(2), "5xx", "reset"))
                .withMatches(0, List.of(MatchRule.any().withUri(StringMatch.prefix("/api"))
                        .withMethod(StringMatch.exact("GET")).withHeader("x-canary", StringMatch.present())))
                .withSplit(def, WeightSplit.single(Destination.subset("web-bff", "standard"))
                        .adding(Destination.subset("web-bff", "premium"), 20));
        JsonNode c = edited.candidate();

        assertThat(c.at("/spec/http/1/mirror/subset").asText()).isEqualTo("premium");
        assertThat(c.at("/spec/http/1/mirrorPercentage/value").asDouble()).isEqualTo(10.0);
        assertThat(c.at("/spec/http/1/fault/delay/fixedDelay").asText()).isEqualTo("2s");
        assertThat(c.at("/spec/http/1/fault/abort/httpStatus").asInt()).isEqualTo(503);
        assertThat(c.at("/spec/http/1/retries/retryOn").asText()).isEqualTo("5xx,reset");
        assertThat(c.at("/spec/http/1/route/1/weight").asInt()).isEqualTo(20);
        assertThat(c.at("/spec/http/0/match/0/uri/prefix").asText()).isEqualTo("/api");
        assertThat(c.at("/spec/http/0/match/0/headers/x-canary").isObject()).isTrue();
        assertThat(errors(c)).isEmpty();

        RoutingForm cleared = edited.withDelayFault(def, null, 0).withAbortFault(def, null, 0).withMirror(def, null, null);
        assertThat(cleared.candidate().at("/spec/http/1").has("fault")).isFalse();
        assertThat(cleared.candidate().at("/spec/http/1").has("mirror")).isFalse();
    }

    @Test
    void yamlTextEditsFlowBackIntoTheFormAndRoundTrip() throws Exception {
        RoutingForm form = webBff();
        String text = form.candidateYaml().replace("exact: standard", "prefix: std").replace("  x-vendor-extension:",
                "  exportTo:\n  - .\n  x-vendor-extension:");

        RoutingForm followed = form.fromYaml(text);

        assertThat(followed.route(0).matches().get(0).headers().get("x-user-tier")).isEqualTo(StringMatch.prefix("std"));
        assertThat(followed.candidateYaml()).isEqualTo(text);
        assertThat(followed.live()).isEqualTo(form.live());
        assertThat(followed.candidate().at("/spec/exportTo/0").asText()).isEqualTo(".");
        assertThatThrownBy(() -> form.fromYaml("spec: [unclosed")).isInstanceOf(YamlProblem.class);
        assertThatThrownBy(() -> form.fromYaml("kind: DestinationRule\nmetadata: {name: x}\n"))
                .hasMessageContaining("edits VirtualService, not 'DestinationRule'");
    }

    @Test
    void newVirtualServiceSendsEverythingToTheFunction() throws Exception {
        RoutingForm form = RoutingForm.newFor(FunctionTarget.of("serverless", "order-function"));
        JsonNode c = form.candidate();

        assertThat(form.isNew()).isTrue();
        assertThat(c.at("/apiVersion").asText()).isEqualTo("networking.istio.io/v1");
        assertThat(c.at("/spec/hosts/0").asText()).isEqualTo("order-function");
        assertThat(c.at("/spec/http/0/route/0/destination/host").asText()).isEqualTo("order-function");
        assertThat(form.route(0).split().weightOf(0)).isEqualTo(100);
        assertThat(errors(c)).isEmpty();
    }

    @Test
    void duplicateRouteNamesAndRemovingTheLastRouteAreRefused() throws Exception {
        RoutingForm form = webBff();
        assertThatThrownBy(() -> form.addingHeaderRoute("default", "x", StringMatch.exact("y"), Destination.host("web-bff")))
                .hasMessageContaining("a route named 'default' already exists (position 2)");
        assertThatThrownBy(() -> RoutingForm.newFor(FunctionTarget.of("ns", "f")).removingRoute(0))
                .hasMessageContaining("needs at least one route");
    }

    @Test
    void routeFieldsValidateAsTyped() {
        FieldSpec timeout = RoutingForm.routeFields().get(0);
        assertThat(timeout.problem("5s")).isEmpty();
        assertThat(timeout.problem("")).isEmpty();
        assertThat(timeout.problem("five")).contains("Timeout: 'five' is not a duration; write it like 30s, 250ms, 5m or 1h");
    }
}
