package dev.meshdeck.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.routing.CanarySplit;
import dev.meshdeck.core.routing.Destination;
import dev.meshdeck.core.routing.HttpRoute;
import dev.meshdeck.core.routing.RoutingPolicy;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.knative.serving.v1.Service;
import io.fabric8.knative.serving.v1.ServiceBuilder;
import io.fabric8.knative.serving.v1.TrafficTargetBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficSplitTest {

    private static Service imageResize() {
        return new ServiceBuilder().withNewMetadata().withNamespace("serverless").withName("image-resize").endMetadata()
                .withNewSpec()
                .addToTraffic(new TrafficTargetBuilder().withRevisionName("image-resize-00001").withPercent(90L).withTag("stable").build())
                .addToTraffic(new TrafficTargetBuilder().withRevisionName("image-resize-00002").withPercent(10L).withTag("canary").build())
                .endSpec().build();
    }

    private static VirtualService orderFunction() {
        return RoutingPolicy.of("serverless", "order-function", "order-function",
                HttpRoute.to(new CanarySplit(Destination.host("order-function-v1"), Destination.host("order-function-v2"), 10)
                        .toWeightSplit())).toVirtualService();
    }

    @Test
    void knativeTraffic90To50KeepsTagsAndRevisions() {
        KnativeTrafficSplit split = new KnativeTrafficSplit(imageResize(), "image-resize-00002").withCandidatePercent(50);

        assertThat(split.shares()).containsExactly(new TrafficShare("image-resize-00001", 50, "stable"),
                new TrafficShare("image-resize-00002", 50, "canary"));
        var traffic = split.service().getSpec().getTraffic();
        assertThat(traffic).extracting(t -> t.getTag()).containsExactly("stable", "canary");
        assertThat(traffic).extracting(t -> t.getPercent()).containsExactly(50L, 50L);
        assertThat(split.stable()).isEqualTo("image-resize-00001");
    }

    @Test
    void knativeServiceWithoutTrafficBlockSendsAllToLatest() {
        Service thumbnail = new ServiceBuilder().withNewMetadata().withName("thumbnail").endMetadata().build();

        KnativeTrafficSplit split = new KnativeTrafficSplit(thumbnail, KnativeTrafficTarget.LATEST);

        assertThat(split.candidatePercent()).isEqualTo(100);
        assertThatThrownBy(() -> new KnativeTrafficSplit(thumbnail, "thumbnail-00009"))
                .hasMessageContaining("thumbnail-00009").hasMessageContaining("spec.traffic");
    }

    @Test
    void lambdaWeightAndPercentConvertExactly() {
        LambdaAliasRouting alias = LambdaAliasRouting.of("invoice-pdf", "live", "3", Map.of("4", 0.1));

        assertThat(alias.candidatePercent()).isEqualTo(10.0);
        assertThat(alias.shares()).containsExactly(new TrafficShare("3", 90.0, "live"), new TrafficShare("4", 10.0, "live"));
        assertThat(alias.withCandidatePercent(10).weight()).isEqualTo(0.1);
        assertThat(alias.withCandidatePercent(35).additionalVersionWeights()).isEqualTo(Map.of("4", 0.35));
        assertThat(alias.rollback().additionalVersionWeights()).isEmpty();
        LambdaAliasRouting promoted = alias.promote();
        assertThat(promoted.primaryVersion()).isEqualTo("4");
        assertThat(promoted.additionalVersion()).isNull();
    }

    @Test
    void lambdaRulesAreEnforced() {
        assertThatThrownBy(() -> LambdaAliasRouting.of("f", "live", "$LATEST", Map.of())).hasMessageContaining("$LATEST");
        assertThatThrownBy(() -> LambdaAliasRouting.of("f", "live", "3", Map.of("4", 0.1, "5", 0.1)))
                .hasMessageContaining("one");
        assertThatThrownBy(() -> LambdaAliasRouting.of("f", "live", "3", Map.of("4", 1.5))).hasMessageContaining("0.0-1.0");
    }

    @Test
    void oneSliderDrivesEveryPlatform() {
        List<TrafficSplit> splits = List.of(
                IstioRouteSplit.onDefaultRoute(orderFunction(), "order-function-v2"),
                new KnativeTrafficSplit(imageResize(), "image-resize-00002"),
                LambdaAliasRouting.of("invoice-pdf", "live", "3", Map.of("4", 0.1)));

        for (TrafficSplit split : splits) {
            TrafficSplit moved = split.shiftBy(15);
            assertThat(moved.candidatePercent()).as(split.getClass().getSimpleName()).isEqualTo(25.0);
            assertThat(moved.shares().stream().mapToDouble(TrafficShare::percent).sum()).isEqualTo(100.0);
            assertThat(moved.promote().candidatePercent() == 100 || moved.promote().candidate() == null).isTrue();
            assertThat(moved.rollback().shares()).extracting(TrafficShare::version).contains(split.stable());
        }
        IstioRouteSplit istio = (IstioRouteSplit) splits.get(0).withCandidatePercent(50);
        assertThat(istio.resource()).isPresent();
        assertThat(istio.virtualService().getSpec().getHttp().get(0).getRoute())
                .extracting(d -> d.getWeight()).containsExactly(50, 50);
        assertThat(splits.get(2).resource()).isEmpty();
    }
}
