package dev.meshdeck.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SwitchableCatalogTest {

    static final SourceRef.AwsRegion IRELAND = new SourceRef.AwsRegion("123456789012", "eu-west-1", null);
    static final SourceRef.AwsRegion VIRGINIA = new SourceRef.AwsRegion("123456789012", "us-east-1", "prod");

    /** A catalog of given sources that hands its listener to the test and says when it was started and closed. */
    static final class Regions implements FunctionCatalog {
        final List<SourceRef> sources;
        final CountDownLatch started = new CountDownLatch(1);
        volatile Consumer<InventoryEvent> listener;
        volatile boolean live;
        volatile boolean closed;

        Regions(SourceRef... sources) {
            this.sources = List.of(sources);
        }

        @Override
        public List<SourceRef> sources() {
            return sources;
        }

        @Override
        public void start(Consumer<InventoryEvent> listener, boolean live) {
            this.listener = listener;
            this.live = live;
            started.countDown();
        }

        @Override
        public List<MeshResource> resourcesOf(FunctionId id) {
            return List.of(new MeshResource("LambdaFunction", "", id.name(), "from " + id.source().id()));
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void switchingRemovesTheOldSourcesAndScansTheNewOnesForTheSameListener() throws Exception {
        Regions ireland = new Regions(IRELAND);
        Regions virginia = new Regions(VIRGINIA);
        List<InventoryEvent> events = Collections.synchronizedList(new ArrayList<>());
        try (SwitchableCatalog catalog = new SwitchableCatalog(ireland)) {
            catalog.start(events::add, true);
            assertThat(ireland.started.getCount()).isZero();

            catalog.switchTo(() -> virginia);

            assertThat(virginia.started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(virginia.live).isTrue();
            assertThat(ireland.closed).isTrue();
            assertThat(catalog.sources()).containsExactly(VIRGINIA);
            assertThat(events).usingRecursiveFieldByFieldElementComparatorIgnoringFields("status.since")
                    .containsExactly(new InventoryEvent.SourceRemoved(IRELAND), new InventoryEvent.SourceChanged(SourceStatus.connecting(VIRGINIA)));

            // a scan of the old catalog that finishes late does not bring its source back
            ireland.listener.accept(new InventoryEvent.SourceLoaded(IRELAND, List.of()));
            virginia.listener.accept(new InventoryEvent.SourceLoaded(VIRGINIA, List.of()));
            assertThat(events).hasSize(3).last().isEqualTo(new InventoryEvent.SourceLoaded(VIRGINIA, List.of()));
            assertThat(catalog.resourcesOf(new FunctionId(VIRGINIA, Platform.LAMBDA, "", "invoice-pdf")))
                    .extracting(MeshResource::yaml).containsExactly("from aws:prod:us-east-1");
        }
        assertThat(virginia.closed).isTrue();
    }

    @Test
    void aRegionScannedBeforeAndAfterIsNotRemoved() throws Exception {
        Regions ireland = new Regions(IRELAND);
        SourceRef.AwsRegion irelandAgain = new SourceRef.AwsRegion("unknown", "eu-west-1", null);
        Regions both = new Regions(irelandAgain, VIRGINIA);
        List<InventoryEvent> events = Collections.synchronizedList(new ArrayList<>());
        try (SwitchableCatalog catalog = new SwitchableCatalog(ireland)) {
            catalog.start(events::add, true);
            catalog.switchTo(() -> both);
            assertThat(both.started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(events).usingRecursiveFieldByFieldElementComparatorIgnoringFields("status.since")
                    .containsExactly(new InventoryEvent.SourceChanged(SourceStatus.connecting(VIRGINIA)));
        }
    }

    @Test
    void aCatalogThatCannotBeBuiltIsAProblemAndTheCurrentOneCarriesOn() throws Exception {
        Regions ireland = new Regions(IRELAND);
        List<InventoryEvent> events = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch reported = new CountDownLatch(1);
        try (SwitchableCatalog catalog = new SwitchableCatalog(ireland)) {
            catalog.start(e -> {
                events.add(e);
                reported.countDown();
            }, true);

            catalog.switchTo(() -> {
                throw new IllegalStateException("AWS profile prod is not in ~/.aws/config");
            });

            assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(events).containsExactly(new InventoryEvent.Problem("AWS profile prod is not in ~/.aws/config"));
            assertThat(catalog.sources()).containsExactly(IRELAND);
            assertThat(ireland.closed).isFalse();
        }
    }
}
