package dev.meshdeck.core.monitoring.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromQlEvaluatorTest {

    static final Instant T0 = Instant.parse("2026-12-08T03:00:00Z");
    static final List<String> BOUNDS = List.of("100", "250", "500", "1000", "2500", "+Inf");

    /**
     * Two services scraped every 15 s for 5 minutes: orders at 10 rps, 2% of them 503, all between 1 s and 2.5 s;
     * web at 5 rps, all under 100 ms.
     */
    static SampleHistory history() {
        return history(Duration.ofMinutes(5));
    }

    /** The same scraped for {@code length} from {@link #T0}. */
    static SampleHistory history(Duration length) {
        SampleHistory history = new SampleHistory(Duration.ofMinutes(20));
        for (int i = 0; i <= length.toSeconds() / 15; i++) {
            double seconds = 15.0 * i;
            List<Sample> scrape = new ArrayList<>();
            scrape.add(requests("orders.serverless.svc.cluster.local", "200", 9.8 * seconds));
            scrape.add(requests("orders.serverless.svc.cluster.local", "503", 0.2 * seconds));
            scrape.add(requests("web.shop.svc.cluster.local", "200", 5 * seconds));
            for (String le : BOUNDS) {
                boolean slow = !le.equals("+Inf") && Double.parseDouble(le) < 2500;
                scrape.add(bucket("orders.serverless.svc.cluster.local", le, slow ? 0 : 10 * seconds));
                scrape.add(bucket("web.shop.svc.cluster.local", le, 5 * seconds));
            }
            history.add(T0.plusSeconds(15L * i), scrape);
        }
        return history;
    }

    static Sample requests(String service, String code, double value) {
        return new Sample(Map.of(Sample.NAME, "istio_requests_total", "reporter", "destination", "destination_service", service, "response_code", code), value);
    }

    static Sample bucket(String service, String le, double value) {
        return new Sample(Map.of(Sample.NAME, "istio_request_duration_milliseconds_bucket", "reporter", "destination",
                "destination_service", service, "le", le),
                value);
    }

    static final Instant NOW = T0.plusSeconds(300);

    private static List<Sample> vector(String expr) {
        return ((Value.Vector) new PromQlEvaluator(history()).evaluate(expr, NOW)).samples();
    }

    @Test
    void rateSummedByServiceIsRequestsPerSecond() {
        assertThat(vector("sum(rate(istio_requests_total[5m])) by (destination_service)"))
                .extracting(s -> s.labels().get("destination_service"), Sample::value)
                .containsExactlyInAnyOrder(
                        org.assertj.core.api.Assertions.tuple("orders.serverless.svc.cluster.local", 10.0),
                        org.assertj.core.api.Assertions.tuple("web.shop.svc.cluster.local", 5.0));
    }

    @Test
    void regexMatchersAreAnchoredRe2() {
        // the seed's matcher once fixed: only the serverless namespace's services
        assertThat(vector("sum(rate(istio_requests_total{destination_service=~\".*.serverless.svc.cluster.local\"}[5m]))"))
                .extracting(Sample::value).containsExactly(10.0);
        // anchored: "orders" alone matches no full value
        assertThat(vector("istio_requests_total{destination_service=~\"orders\"}")).isEmpty();
        assertThat(vector("istio_requests_total{destination_service!~\"web.*\",response_code!=\"200\"}"))
                .extracting(Sample::value).containsExactly(60.0);
    }

    @Test
    void errorRatioDividesMatchingVectors() {
        assertThat(vector("sum by (destination_service) (rate(istio_requests_total{response_code=~\"5..\"}[5m]))"
                + " / sum by (destination_service) (rate(istio_requests_total[5m]))"))
                .singleElement().satisfies(s -> {
                    assertThat(s.labels()).containsEntry("destination_service", "orders.serverless.svc.cluster.local");
                    assertThat(s.value()).isCloseTo(0.02, within(1e-9));
                });
    }

    @Test
    void histogramQuantileInterpolatesInsideTheRanksBucket() {
        List<Sample> p95 = vector("histogram_quantile(0.95, sum(rate(istio_request_duration_milliseconds_bucket[5m])) "
                + "by (le, destination_service))");
        // orders: every request in (1000, 2500]: 1000 + 1500 * 0.95; web: all in the first bucket, 100 * 0.95
        assertThat(p95).extracting(s -> s.labels().get("destination_service"), Sample::value).containsExactlyInAnyOrder(
                org.assertj.core.api.Assertions.tuple("orders.serverless.svc.cluster.local", 2425.0),
                org.assertj.core.api.Assertions.tuple("web.shop.svc.cluster.local", 95.0));
    }

    @Test
    void comparisonWithAScalarFiltersAndKeepsTheValue() {
        String p95 = "histogram_quantile(0.95, sum(rate(istio_request_duration_milliseconds_bucket[5m])) by (le, destination_service))";
        assertThat(vector(p95 + " > 1000")).extracting(Sample::value).containsExactly(2425.0);
        assertThat(vector(p95 + " > bool 1000")).extracting(Sample::value).containsExactlyInAnyOrder(1.0, 0.0);
        assertThat(vector(p95 + " > 5000")).isEmpty();
        assertThat(vector("(" + p95 + " > 5000) or vector(1)")).extracting(Sample::value).containsExactly(1.0);
        assertThat(vector("(" + p95 + " > 1000) and " + p95 + " < 100")).isEmpty();
    }

    @Test
    void increaseAndIrateOfACounter() {
        assertThat(vector("increase(istio_requests_total{response_code=\"503\"}[6m])")).extracting(Sample::value)
                .containsExactly(60.0);
        assertThat(vector("irate(istio_requests_total{response_code=\"503\"}[1m])")).extracting(Sample::value)
                .containsExactly(0.2);
    }

    @Test
    void aRateNeedsTwoPointsInItsRange() {
        // one scrape within the last 10 s: no rate, as in Prometheus
        assertThat(vector("rate(istio_requests_total[10s])")).isEmpty();
    }

    @Test
    void whatItCannotEvaluateIsRefusedByName() {
        PromQlEvaluator evaluator = new PromQlEvaluator(history());
        assertThatThrownBy(() -> evaluator.evaluate("topk(3, istio_requests_total)", NOW))
                .hasMessageContaining("topk");
        assertThatThrownBy(() -> evaluator.evaluate("sum(rate(istio_requests_total[5m])", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
