package dev.meshdeck.connectors.gcp;

import dev.meshdeck.core.inventory.CloudRunLabels;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.sandbox.cloudrun.CloudRunControlPlane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Discovery through Google's Cloud Run client (HTTP/JSON) against the sandbox's Admin API. */
class CloudRunCatalogTest {

    private static CloudRunControlPlane plane;

    @BeforeAll
    static void start() {
        plane = CloudRunControlPlane.start();
    }

    @AfterAll
    static void stop() {
        plane.close();
    }

    private static CloudRunCatalog catalog(List<String> regions) {
        return new CloudRunCatalog(new GcpSettings(Optional.of(plane.endpoint()),
                List.of(CloudRunControlPlane.DEFAULT_PROJECT), regions));
    }

    private static List<ServerlessFunction> functions(List<InventoryEvent> events) {
        return events.stream().filter(InventoryEvent.SourceLoaded.class::isInstance)
                .flatMap(e -> ((InventoryEvent.SourceLoaded) e).functions().stream()).toList();
    }

    @Test
    void listsServicesWithRevisionsAsVersionsAndTheCanarySplit() {
        try (CloudRunCatalog catalog = catalog(List.of(CloudRunControlPlane.DEFAULT_REGION))) {
            List<ServerlessFunction> found = functions(catalog.discover());

            assertThat(found).extracting(ServerlessFunction::name)
                    .containsExactlyInAnyOrder("checkout-api", "catalog-api", "thumbnail-fn");
            assertThat(found).allSatisfy(f -> {
                assertThat(f.platform()).isEqualTo(Platform.CLOUDRUN);
                assertThat(f.source()).isEqualTo(new SourceRef.GcpRegion(CloudRunControlPlane.DEFAULT_PROJECT,
                        CloudRunControlPlane.DEFAULT_REGION));
                assertThat(f.health().state()).isEqualTo("Ready");
            });
            ServerlessFunction checkout = found.stream().filter(f -> f.name().equals("checkout-api")).findFirst().orElseThrow();
            assertThat(checkout.traffic()).containsExactly(
                    new TrafficShare("checkout-api-00001-kiv", 90, "stable"),
                    new TrafficShare("checkout-api-00002-bex", 10, "canary"));
            ServerlessFunction catalogApi = found.stream().filter(f -> f.name().equals("catalog-api")).findFirst().orElseThrow();
            assertThat(catalogApi.traffic()).containsExactly(new TrafficShare("catalog-api-00003-haw", 100),
                    new TrafficShare("catalog-api-00001-zot", 0), new TrafficShare("catalog-api-00002-moq", 0));
        }
    }

    @Test
    void marksTheCloudFunctionsGen2Service() {
        try (CloudRunCatalog catalog = catalog(List.of(CloudRunControlPlane.DEFAULT_REGION))) {
            assertThat(functions(catalog.discover())).filteredOn(f -> CloudRunLabels.isCloudFunction(f.labels()))
                    .extracting(ServerlessFunction::name).containsExactly("thumbnail-fn");
        }
    }

    @Test
    void anotherRegionIsConnectedAndEmpty() {
        try (CloudRunCatalog catalog = catalog(List.of("us-central1"))) {
            List<InventoryEvent> events = catalog.discover();
            assertThat(functions(events)).isEmpty();
            assertThat(events).filteredOn(InventoryEvent.SourceChanged.class::isInstance)
                    .extracting(e -> ((InventoryEvent.SourceChanged) e).status().state())
                    .contains(SourceStatus.State.CONNECTED);
        }
    }
}
