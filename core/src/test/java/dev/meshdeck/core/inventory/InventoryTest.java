package dev.meshdeck.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryTest {

    private static final SourceRef A = new SourceRef.KubeContext("a", "a", "");
    private static final SourceRef B = new SourceRef.KubeContext("b", "b", "");

    private static ServerlessFunction fn(SourceRef s, String name, String state) {
        return new ServerlessFunction(new FunctionId(s, Platform.KNATIVE, "ns", name), List.of(),
                MeshStatus.NOT_IN_MESH, new Health(1, 1, 1, state), Map.of());
    }

    @Test
    void reloadingOneSourceKeepsTheOthers() {
        Inventory inv = new Inventory();
        inv.apply(new InventoryEvent.SourceLoaded(A, List.of(fn(A, "x", "Ready"), fn(A, "y", "Ready"))));
        inv.apply(new InventoryEvent.SourceLoaded(B, List.of(fn(B, "z", "Ready"))));
        inv.apply(new InventoryEvent.SourceLoaded(A, List.of(fn(A, "y", "Ready"))));

        assertThat(inv.functions()).extracting(ServerlessFunction::name).containsExactly("y", "z");
    }

    @Test
    void liveEventsUpdateAndRemoveSingleFunctions() {
        Inventory inv = new Inventory();
        inv.apply(new InventoryEvent.SourceLoaded(A, List.of(fn(A, "x", "Ready"), fn(A, "y", "Ready"))));
        inv.apply(new InventoryEvent.FunctionChanged(fn(A, "x", "Failed")));
        inv.apply(new InventoryEvent.FunctionRemoved(fn(A, "y", "Ready").id()));

        assertThat(inv.functions()).singleElement()
                .satisfies(f -> assertThat(f.health().level()).isEqualTo(Health.Level.DOWN));
    }

    @Test
    void failedSourceStatusAndProblemsAreKept() {
        Inventory inv = new Inventory();
        inv.apply(new InventoryEvent.SourceChanged(SourceStatus.failed(B, "context b: cannot reach")));
        inv.apply(new InventoryEvent.Problem("/tmp/bad: line 3"));

        assertThat(inv.statuses().get(B).state()).isEqualTo(SourceStatus.State.FAILED);
        assertThat(inv.problems()).containsExactly("/tmp/bad: line 3");
    }

    @Test
    void healthLevels() {
        assertThat(new Health(1, 2, 1, "Ready").level()).isEqualTo(Health.Level.DEGRADED);
        assertThat(new Health(0, 2, 0, "Ready").level()).isEqualTo(Health.Level.DOWN);
        assertThat(new Health(0, 0, 0, "ScaledToZero").level()).isEqualTo(Health.Level.HEALTHY);
    }

    @Test
    void aListingAfterSilenceCountsWhatWasAddedRemovedOrChanged() {
        SourceRef aws = new SourceRef.AwsRegion("123456789012", "eu-west-1", "default");
        List<ServerlessFunction> before = List.of(fn(aws, "a", "Active"), fn(aws, "b", "Active"), fn(aws, "c", "Active"));
        List<ServerlessFunction> after = List.of(fn(aws, "a", "Active"), fn(aws, "b", "Inactive"), fn(aws, "d", "Active"));

        assertThat(Inventory.changesBetween(before, after)).as("b changed, c removed, d added").isEqualTo(3);
        assertThat(Inventory.changesBetween(before, before)).isZero();
        assertThat(Inventory.reconnected(1, "4 Lambda functions")).isEqualTo("reconnected; 1 change while away (4 Lambda functions)");
    }
}
