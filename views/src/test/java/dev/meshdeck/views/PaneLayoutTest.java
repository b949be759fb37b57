package dev.meshdeck.views;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaneLayoutTest {

    @Test
    void aLaptopWidthGivesTheTreesRoomToTheTableAWideWindowShowsIt() {
        assertThat(PaneLayout.of(1280, false, null)).isEqualTo(new PaneLayout(false, true, 290));
        assertThat(PaneLayout.of(1600, false, null)).isEqualTo(new PaneLayout(true, true, 290));
    }

    @Test
    void aSmallWindowHasNarrowerDetails() {
        assertThat(PaneLayout.of(1024, false, null)).isEqualTo(new PaneLayout(false, true, 260));
    }

    @Test
    void theUsersToggleWinsOverTheWidth() {
        assertThat(PaneLayout.of(1024, false, true).tree()).isTrue();
        assertThat(PaneLayout.of(1600, false, false).tree()).isFalse();
    }

    @Test
    void theEditorTakesTheWholeWidth() {
        PaneLayout editing = PaneLayout.of(1600, true, true);

        assertThat(editing.tree()).isFalse();
        assertThat(editing.details()).isFalse();
    }
}
