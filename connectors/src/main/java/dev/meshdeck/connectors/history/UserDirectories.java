package dev.meshdeck.connectors.history;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the user's MeshDeck data (history, journal, audit log), configuration (window layout, theme) and cache
 * (the class-data archive of the window's start, which can be made again at any time) live,
 * read from the environment of the process: the home directory is {@code $HOME} (Java's {@code user.home}
 * names the account's home from the password database, so a session with its own {@code HOME} would share
 * another's history). Linux and other Unixes follow the XDG base directories, Windows {@code %LOCALAPPDATA%}
 * and {@code %APPDATA%}, macOS {@code ~/Library/Application Support} and {@code ~/Library/Caches}.
 */
public record UserDirectories(Path data, Path config, Path cache) {

    private static final String NAME = "meshdeck";

    /** The directories of this process's user. */
    public static UserDirectories current() {
        return of(System.getenv(), System.getProperty("os.name"), System.getProperty("user.home"));
    }

    /**
     * @param env         the process environment
     * @param osName      {@code os.name}
     * @param accountHome the home of the account, used only when the environment names none
     */
    static UserDirectories of(Map<String, String> env, String osName, String accountHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path home = Path.of(nonBlank(env.get(os.startsWith("windows") ? "USERPROFILE" : "HOME"), accountHome));
        if (os.startsWith("windows")) {
            Path roaming = Path.of(nonBlank(env.get("APPDATA"), home.resolve("AppData").resolve("Roaming").toString()));
            Path local = Path.of(nonBlank(env.get("LOCALAPPDATA"), home.resolve("AppData").resolve("Local").toString()));
            return new UserDirectories(local.resolve("MeshDeck"), roaming.resolve("MeshDeck"),
                    local.resolve("MeshDeck").resolve("Cache"));
        }
        if (os.startsWith("mac")) {
            Path support = home.resolve("Library").resolve("Application Support").resolve("MeshDeck");
            return new UserDirectories(support, support, home.resolve("Library").resolve("Caches").resolve("MeshDeck"));
        }
        Path data = Path.of(nonBlank(env.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share").toString()));
        Path config = Path.of(nonBlank(env.get("XDG_CONFIG_HOME"), home.resolve(".config").toString()));
        Path cache = Path.of(nonBlank(env.get("XDG_CACHE_HOME"), home.resolve(".cache").toString()));
        return new UserDirectories(data.resolve(NAME), config.resolve(NAME), cache.resolve(NAME));
    }

    private static String nonBlank(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
