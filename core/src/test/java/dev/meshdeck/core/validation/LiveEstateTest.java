package dev.meshdeck.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate's judgement of a change set against the live estate it lands in. */
class LiveEstateTest {

    private static final String ROUTE = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: {name: order, namespace: shop}
            spec:
              hosts: [order]
              http:
              - route:
                - destination: {host: order, subset: v1}
                  weight: 90
                - destination: {host: order, subset: v2}
                  weight: 10
            """;
    private static final String SUBSETS = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: {name: order, namespace: shop, resourceVersion: "7"}
            spec:
              host: order
              subsets:
              - {name: v1, labels: {version: v1}}
              - {name: v2, labels: {version: v2}}
            """;
    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata: {name: order, namespace: shop}
            spec:
              ports: [{port: 80, name: http}]
            """;

    @Test
    void aChangeThatRemovesASubsetALiveRouteUsesIsAnErrorOnThatRoute() {
        LiveEstate estate = estate(ROUTE, SUBSETS, SERVICE);
        List<Resource> candidate = read(SUBSETS.replace("  - {name: v2, labels: {version: v2}}\n", ""));

        List<Finding> findings = estate.validate(candidate, List.of());

        assertThat(findings).filteredOn(f -> f.severity() == Severity.ERROR)
                .extracting(f -> f.code() + " " + f.resource() + " " + f.path())
                .containsExactly("MD0302 VirtualService shop/order spec.http[0].route[1].destination.subset");
        assertThat(findings.get(0).message()).contains("after this change");
    }

    @Test
    void aLiveObjectBrokenBeforeTheChangeIsNotBlamedOnIt() {
        LiveEstate estate = estate(ROUTE.replace("subset: v2", "subset: v9"), SUBSETS, SERVICE);
        List<Resource> candidate = read(SUBSETS.replace("version: v1}", "version: v1, tier: gold}"));

        assertThat(estate.validate(candidate, List.of())).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    @Test
    void aDestinationRuleNamedApartFromItsHostStillExposesTheRoutesToThatHost() {
        String subsets = SUBSETS.replace("name: order, namespace: shop", "name: order-subsets, namespace: shop")
                .replace("host: order", "host: order.shop.svc.cluster.local");
        LiveEstate estate = estate(ROUTE, subsets, SERVICE);
        List<Resource> candidate = read(subsets.replace("  - {name: v2, labels: {version: v2}}\n", ""));

        assertThat(estate.validate(candidate, List.of())).filteredOn(f -> f.severity() == Severity.ERROR)
                .extracting(f -> f.code() + " " + f.resource())
                .containsExactly("MD0302 VirtualService shop/order");
    }

    @Test
    void aKindTheIdentityMayNotListIsSaidAsAWarning() {
        LiveEstate estate = new LiveEstate(List.of(), List.of(), List.of("Secret (v1): HTTP 403"));

        assertThat(estate.validate(read(ROUTE), List.of()))
                .filteredOn(f -> f.code().equals("MD0006"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).contains("Secret (v1): HTTP 403", "judged only among the input objects");
                });
    }

    private static LiveEstate estate(String... yaml) {
        List<JsonNode> objects = new ArrayList<>();
        for (String y : yaml) {
            read(y).forEach(r -> objects.add(r.tree()));
        }
        return new LiveEstate(objects, List.of(), List.of());
    }

    private static List<Resource> read(String yaml) {
        return new ValidationInput().addText("change.yaml", yaml).resources();
    }
}
