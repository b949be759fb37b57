package dev.meshdeck.views;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.views.common.SelectedFunction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The window's one selection, without a stage: it follows the estate and never loops between panes. */
class SelectedFunctionTest {

    private final SelectedFunction selection = new SelectedFunction();
    private final List<ServerlessFunction> seen = new ArrayList<>();
    private final ServerlessFunction order = FakeCatalog.orderFunction(List.of(new TrafficShare("v1", 90), new TrafficShare("v2", 10)));

    SelectedFunctionTest() {
        selection.property().addListener((o, was, now) -> seen.add(now));
    }

    @Test
    void selectingTheSelectedFunctionAgainTellsNoPane() {
        selection.select(order);
        selection.select(order);

        assertThat(seen).containsExactly(order);
    }

    @Test
    void aNewerStateOfTheSelectedFunctionReplacesIt() {
        selection.select(order);
        ServerlessFunction promoted = FakeCatalog.orderFunction(List.of(new TrafficShare("v2", 100)));

        selection.apply(List.of(new InventoryEvent.FunctionChanged(FakeCatalog.sandboxFunctions().get(1)),
                new InventoryEvent.FunctionChanged(promoted)));

        assertThat(selection.get()).isSameAs(promoted);
        assertThat(selection.is(order)).isTrue();
    }

    @Test
    void theSelectionClearsWhenItsFunctionOrSourceGoes() {
        selection.select(order);
        selection.apply(List.of(new InventoryEvent.FunctionRemoved(order.id())));
        assertThat(selection.get()).isNull();

        selection.select(order);
        selection.apply(List.of(new InventoryEvent.SourceRemoved(FakeCatalog.SANDBOX)));
        assertThat(selection.get()).isNull();

        selection.select(order);
        selection.apply(List.of(new InventoryEvent.SourceLoaded(FakeCatalog.SANDBOX,
                FakeCatalog.sandboxFunctions().subList(1, 3))));
        assertThat(selection.get()).isNull();
    }

    @Test
    void anotherSourcesListLeavesTheSelectionAlone() {
        selection.select(order);

        selection.apply(List.of(new InventoryEvent.SourceLoaded(FakeCatalog.AWS, FakeCatalog.lambdaFunctions()),
                new InventoryEvent.FunctionRemoved(FakeCatalog.lambdaFunctions().get(0).id())));

        assertThat(selection.get()).isSameAs(order);
    }
}
