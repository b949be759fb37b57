package dev.meshdeck.views.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's last theme and layout, kept in the config directory across starts. */
class WindowPreferencesTest {

    @TempDir
    Path config;
    private final List<String> problems = new ArrayList<>();

    @Test
    void whatWasSavedIsWhatTheNextStartReads() throws Exception {
        WindowPreferences closed = new WindowPreferences(Theme.DARK,
                Optional.of(new WindowPreferences.Bounds(40, 30, 1100.5, 700)), false,
                WindowPreferences.CentreView.TOPOLOGY, List.of(0.2, 0.75));
        Path file = config.resolve("meshdeck").resolve(WindowPreferences.FILE_NAME);

        closed.write(file);

        assertThat(WindowPreferences.read(file, problems::add)).isEqualTo(closed);
        assertThat(problems).isEmpty();
    }

    @Test
    void theFirstStartHasTheDefaults() {
        assertThat(WindowPreferences.read(config.resolve("none.properties"), problems::add))
                .isEqualTo(WindowPreferences.DEFAULT);
        assertThat(problems).isEmpty();
    }

    @Test
    void aValueThatCannotBeReadIsNamedWithItsLineAndTheRestIsKept() throws Exception {
        Path file = config.resolve(WindowPreferences.FILE_NAME);
        Files.writeString(file, "theme=dark\nwidth=wide\nmaximized=true\ndividers=0.2,7\nview=graph\n");

        WindowPreferences read = WindowPreferences.read(file, problems::add);

        assertThat(read.theme()).isEqualTo(Theme.DARK);
        assertThat(read.maximized()).isTrue();
        assertThat(read.bounds()).isEmpty();
        assertThat(read.dividers()).isEmpty();
        assertThat(read.view()).isEqualTo(WindowPreferences.CentreView.FUNCTIONS);
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith(file + " line 2: width 'wide'");
        assertThat(problems.get(1)).startsWith(file + " line 4: dividers '0.2,7'").contains("between 0 and 1");
        assertThat(problems.get(2)).startsWith(file + " line 5: view 'graph'");
    }
}
