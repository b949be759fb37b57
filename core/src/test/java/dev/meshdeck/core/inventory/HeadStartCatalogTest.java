package dev.meshdeck.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meshdeck.core.inventory.SwitchableCatalogTest.Regions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HeadStartCatalogTest {

    private static final SourceRef.AwsRegion IRELAND = SwitchableCatalogTest.IRELAND;

    private static InventoryEvent problem(int n) {
        return new InventoryEvent.Problem("event " + n);
    }

    @Test
    void discoveryStartsLiveBeforeTheWindowListensAndItsEventsAreNotLost() {
        Regions regions = new Regions(IRELAND);
        HeadStartCatalog catalog = HeadStartCatalog.start(regions);
        assertThat(regions.started.getCount()).as("discovery started at once").isZero();
        assertThat(regions.live).isTrue();
        regions.listener.accept(problem(1));
        regions.listener.accept(problem(2));

        List<InventoryEvent> seen = new ArrayList<>();
        catalog.start(seen::add, true);
        regions.listener.accept(problem(3));

        assertThat(seen).containsExactly(problem(1), problem(2), problem(3));
    }

    @Test
    void aSourcesFullListKeptBeforeTheWindowListensReplacesTheRowsKeptBeforeIt() {
        Regions regions = new Regions(IRELAND);
        HeadStartCatalog catalog = HeadStartCatalog.start(regions);
        InventoryEvent connecting = new InventoryEvent.SourceChanged(SourceStatus.connecting(IRELAND));
        InventoryEvent early = new InventoryEvent.SourceLoaded(IRELAND, List.of());
        InventoryEvent whole = new InventoryEvent.SourceLoaded(IRELAND, List.of());
        InventoryEvent connected = new InventoryEvent.SourceChanged(SourceStatus.connected(IRELAND, "0 functions"));
        List.of(connecting, early, problem(1), whole, connected).forEach(regions.listener);

        List<InventoryEvent> seen = new ArrayList<>();
        catalog.start(seen::add, true);

        assertThat(seen).containsExactly(connecting, problem(1), whole, connected);
        assertThat(seen.get(2)).isSameAs(whole);
    }

    @Test
    void eventsArrivingWhileTheEarlyOnesAreHandedOnKeepTheirOrder() throws Exception {
        Regions regions = new Regions(IRELAND);
        HeadStartCatalog catalog = HeadStartCatalog.start(regions);
        IntStream.range(0, 1000).forEach(n -> regions.listener.accept(problem(n)));
        List<InventoryEvent> seen = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch handing = new CountDownLatch(1);
        Thread source = new Thread(() -> {
            try {
                handing.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            IntStream.range(1000, 2000).forEach(n -> regions.listener.accept(problem(n)));
        });
        source.start();
        catalog.start(event -> {
            handing.countDown();
            seen.add(event);
        }, true);
        source.join(10_000);

        assertThat(seen).containsExactlyElementsOf(IntStream.range(0, 2000).mapToObj(HeadStartCatalogTest::problem).toList());
    }

    @Test
    void oneListenerOnlyAndItIsLive() {
        HeadStartCatalog catalog = HeadStartCatalog.start(new Regions(IRELAND));
        assertThatThrownBy(() -> catalog.start(e -> { }, false)).isInstanceOf(IllegalArgumentException.class);
        catalog.start(e -> { }, true);
        assertThatThrownBy(() -> catalog.start(e -> { }, true)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readsAndCloseGoToTheCatalog() {
        Regions regions = new Regions(IRELAND);
        HeadStartCatalog catalog = HeadStartCatalog.start(regions);
        FunctionId id = new FunctionId(IRELAND, Platform.LAMBDA, "", "invoice-pdf");
        assertThat(catalog.sources()).containsExactly(IRELAND);
        assertThat(catalog.resourcesOf(id)).singleElement().extracting(MeshResource::name).isEqualTo("invoice-pdf");
        catalog.close();
        assertThat(regions.closed).isTrue();
    }
}
