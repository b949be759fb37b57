package dev.meshdeck.views.inventory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmptyStateTest {

    @Test
    void saysWhyTheTableIsEmpty() {
        assertThat(EmptyState.of(2, true, 0, 0)).isEqualTo(EmptyState.DISCOVERING);
        assertThat(EmptyState.of(0, false, 0, 0).message()).startsWith("No sources");
        assertThat(EmptyState.of(2, false, 0, 0)).isEqualTo(EmptyState.NO_FUNCTIONS);
        assertThat(EmptyState.of(2, true, 13, 0).message()).isEqualTo("No functions match the filter");
        assertThat(EmptyState.of(2, true, 13, 4)).isEqualTo(EmptyState.NONE);
    }
}
