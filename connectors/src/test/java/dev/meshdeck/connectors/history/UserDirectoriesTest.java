package dev.meshdeck.connectors.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDirectoriesTest {

    private static final String ACCOUNT_HOME = "/home/account";

    @Test
    void aFreshHomeGetsItsOwnDataAndConfigNotTheAccountsHome() {
        UserDirectories dirs = UserDirectories.of(Map.of("HOME", "/tmp/fresh"), "Linux", ACCOUNT_HOME);

        assertThat(dirs.data()).isEqualTo(Path.of("/tmp/fresh/.local/share/meshdeck"));
        assertThat(dirs.config()).isEqualTo(Path.of("/tmp/fresh/.config/meshdeck"));
        assertThat(dirs.cache()).isEqualTo(Path.of("/tmp/fresh/.cache/meshdeck"));
    }

    @Test
    void xdgBaseDirectoriesWinOverHome() {
        UserDirectories dirs = UserDirectories.of(Map.of("HOME", "/tmp/fresh", "XDG_DATA_HOME", "/xdg/data",
                "XDG_CONFIG_HOME", "/xdg/config", "XDG_CACHE_HOME", "/xdg/cache"), "Linux", ACCOUNT_HOME);

        assertThat(dirs.data()).isEqualTo(Path.of("/xdg/data/meshdeck"));
        assertThat(dirs.config()).isEqualTo(Path.of("/xdg/config/meshdeck"));
        assertThat(dirs.cache()).isEqualTo(Path.of("/xdg/cache/meshdeck"));
    }

    @Test
    void blankVariablesCountAsUnset() {
        UserDirectories dirs = UserDirectories.of(Map.of("HOME", "", "XDG_DATA_HOME", " "), "Linux", ACCOUNT_HOME);

        assertThat(dirs.data()).isEqualTo(Path.of(ACCOUNT_HOME, ".local", "share", "meshdeck"));
    }

    @Test
    void macOsKeepsBothInApplicationSupport() {
        UserDirectories dirs = UserDirectories.of(Map.of("HOME", "/Users/sre"), "Mac OS X", ACCOUNT_HOME);

        assertThat(dirs.data()).isEqualTo(Path.of("/Users/sre/Library/Application Support/MeshDeck"));
        assertThat(dirs.config()).isEqualTo(dirs.data());
        assertThat(dirs.cache()).isEqualTo(Path.of("/Users/sre/Library/Caches/MeshDeck"));
    }

    @Test
    void windowsKeepsDataLocalAndConfigRoaming() {
        UserDirectories dirs = UserDirectories.of(Map.of("USERPROFILE", "C:/Users/sre", "LOCALAPPDATA", "C:/local",
                "APPDATA", "C:/roaming"), "Windows 11", ACCOUNT_HOME);

        assertThat(dirs.data()).isEqualTo(Path.of("C:/local/MeshDeck"));
        assertThat(dirs.config()).isEqualTo(Path.of("C:/roaming/MeshDeck"));
        assertThat(dirs.cache()).isEqualTo(Path.of("C:/local/MeshDeck/Cache"));
    }
}
