package dev.meshdeck.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshdeck.core.yaml.YamlRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpRouteTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String yaml(Object fabric8) {
        return YamlRenderer.render((com.fasterxml.jackson.databind.JsonNode) JSON.valueToTree(fabric8));
    }

    @Test
    void headerUriAndMethodMatchRulesRenderAsIstioExpects() {
        MatchRule rule = MatchRule.any()
                .withHeader("X-User-Tier", StringMatch.exact("premium"))
                .withHeader("x-debug", StringMatch.present())
                .withoutHeader("x-canary-opt-out", StringMatch.present())
                .withUri(StringMatch.prefix("/api/"))
                .withMethod(StringMatch.regex("GET|HEAD"));

        assertThat(yaml(rule.toFabric8())).isEqualTo("""
                headers:
                  x-user-tier:
                    exact: premium
                  x-debug: {}
                method:
                  regex: GET|HEAD
                uri:
                  prefix: /api/
                withoutHeaders:
                  x-canary-opt-out: {}
                """);
        assertThat(MatchRule.from(rule.toFabric8())).isEqualTo(rule);
    }

    @Test
    void routeWithMirrorFaultTimeoutAndRetriesRendersEveryPart() {
        HttpRoute route = HttpRoute.to(new CanarySplit(Destination.subset("payment-function", "v1"),
                        Destination.subset("payment-function", "v2").withPort(8080), 10).toWeightSplit())
                .addingMatch(MatchRule.any().withUri(StringMatch.exact("/pay")))
                .withMirror(Mirror.of(Destination.host("payment-shadow"), 25.0))
                .withFault(FaultInjection.delay(IstioDuration.ofSeconds(2), 5).withAbort(new FaultInjection.Abort(503, 1)))
                .withTimeout(IstioDuration.ofSeconds(5))
                .withRetries(Retries.of(3, IstioDuration.ofSeconds(2), "5xx", "connect-failure"));

        assertThat(yaml(route.toFabric8())).isEqualTo("""
                fault:
                  abort:
                    httpStatus: 503
                    percentage:
                      value: 1.0
                  delay:
                    fixedDelay: 2s
                    percentage:
                      value: 5.0
                match:
                - uri:
                    exact: /pay
                mirror:
                  host: payment-shadow
                mirrorPercentage:
                  value: 25.0
                retries:
                  attempts: 3
                  perTryTimeout: 2s
                  retryOn: 5xx,connect-failure
                route:
                - destination:
                    host: payment-function
                    subset: v1
                  weight: 90
                - destination:
                    host: payment-function
                    port:
                      number: 8080
                    subset: v2
                  weight: 10
                timeout: 5s
                """);
        assertThat(HttpRoute.from(route.toFabric8())).isEqualTo(route);
    }

    @Test
    void defaultRouteIsTheLastWithoutMatch() {
        HttpRoute byHeader = HttpRoute.to(Destination.subset("web-bff", "premium"))
                .addingMatch(MatchRule.any().withHeader("x-user-tier", StringMatch.exact("premium")));
        HttpRoute fallback = HttpRoute.to(Destination.subset("web-bff", "standard"));
        RoutingPolicy policy = new RoutingPolicy("frontend", "web-bff", List.of("web-bff"), List.of(),
                List.of(byHeader, fallback));

        assertThat(policy.catchAllRoute()).isEqualTo(1);
        assertThat(RoutingPolicy.from(policy.toVirtualService())).isEqualTo(policy);
        // a lone destination takes all traffic without a weight, as Istio writes it
        assertThat(policy.toVirtualService().getSpec().getHttp().get(1).getRoute().get(0).getWeight()).isNull();
    }
}
