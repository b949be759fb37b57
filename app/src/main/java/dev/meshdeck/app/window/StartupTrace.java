package dev.meshdeck.app.window;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The window's start milestones, in milliseconds since the JVM started, written as a properties file for
 * `bench startup` (ui --trace-startup FILE).
 */
public final class StartupTrace {

    public static final String FIRST_FRAME = "firstFrameMillis";
    public static final String LISTED = "listedMillis";
    /** The sources and telemetry are wired (discovery has begun). */
    public static final String WIRED = "wiredMillis";
    /** The main window has taken the stage. */
    public static final String WINDOW = "windowMillis";
    /** The inventory's first rows are in the table (a large cluster's slower lists may still be on their way). */
    public static final String FIRST_ROWS = "firstRowsMillis";
    /** A --screenshot was written. */
    public static final String SHOT = "shotMillis";
    /** The sources were closed after the window. */
    public static final String CLOSED = "closedMillis";

    private final Path file;
    private final Properties milestones = new Properties();

    public StartupTrace(Path file) {
        this.file = file;
    }

    /** Records {@code milestone} now and rewrites the file. */
    synchronized void reached(String milestone) {
        milestones.setProperty(milestone, Long.toString(ManagementFactory.getRuntimeMXBean().getUptime()));
        try (OutputStream out = Files.newOutputStream(file)) {
            milestones.store(out, "meshdeck ui start milestones, ms since the JVM started");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the startup trace " + file, e);
        }
    }
}
