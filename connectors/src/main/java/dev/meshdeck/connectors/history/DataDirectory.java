package dev.meshdeck.connectors.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where MeshDeck keeps what it must remember (history, journal, audit log): {@code $MESHDECK_DATA_DIR} (or
 * the system property {@value #PROPERTY}), else the user's data directory ({@link UserDirectories}:
 * {@code $XDG_DATA_HOME/meshdeck}, else {@code $HOME/.local/share/meshdeck}). Created private to the user.
 */
public final class DataDirectory {

    public static final String VARIABLE = "MESHDECK_DATA_DIR";
    public static final String PROPERTY = "meshdeck.dataDir";

    private DataDirectory() {
    }

    public static Path resolve() {
        String explicit = System.getProperty(PROPERTY, System.getenv(VARIABLE));
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        return UserDirectories.current().data();
    }

    /** The directory, created (owner-only) if needed. */
    public static Path ensure(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create MeshDeck's data directory " + dir + ": make it writable, or set "
                    + VARIABLE + " to another directory", e);
        }
    }
}
