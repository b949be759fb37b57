package dev.meshdeck.views.inventory;

import dev.meshdeck.core.inventory.Health;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HealthOrderTest {

    @Test
    void ascendingListsDownThenDegradedThenUnknownThenHealthy() {
        Health ready = new Health(2, 2, 2, "Ready");
        Health halfReady = new Health(1, 2, 1, "Ready");
        Health oneOfThree = new Health(1, 3, 1, "Ready");
        Health failed = new Health(0, 1, 0, "Failed");
        List<Health> health = new ArrayList<>(List.of(ready, Health.UNKNOWN, halfReady, failed, oneOfThree));

        health.sort(HealthOrder.WORST_FIRST);

        assertThat(health).containsExactly(failed, oneOfThree, halfReady, Health.UNKNOWN, ready);
    }
}
