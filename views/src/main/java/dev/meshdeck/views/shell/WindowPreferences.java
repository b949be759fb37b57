package dev.meshdeck.views.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the window looked like when it was last closed, restored at the next start: the theme, where the window
 * was and how large, whether it was maximised, the centre tab and the dividers between the panes. Kept as
 * {@code key=value} lines in the user's configuration directory; a value that cannot be read is reported with
 * its file, line and key, and its default is used: a damaged file never stops the window from opening.
 *
 * @param bounds   empty: the window's default size, centred by the platform
 * @param dividers the main panes' divider positions (0-1), empty for the window's defaults
 */
public record WindowPreferences(Theme theme, Optional<Bounds> bounds, boolean maximized, CentreView view,
                                List<Double> dividers) {

    /** Where the window was, in screen coordinates. */
    public record Bounds(double x, double y, double width, double height) {
        public Bounds {
            if (!(width > 0 && height > 0)) {
                throw new IllegalArgumentException("a window of " + width + "x" + height + " has no area");
            }
        }
    }

    /** The tab of the centre pane. */
    public enum CentreView { FUNCTIONS, TOPOLOGY }

    public static final WindowPreferences DEFAULT = new WindowPreferences(Theme.LIGHT, Optional.empty(), false,
            CentreView.FUNCTIONS, List.of());

    /** The file's name in the configuration directory. */
    public static final String FILE_NAME = "window.properties";

    public WindowPreferences {
        dividers = List.copyOf(dividers);
    }

    public WindowPreferences withTheme(Theme value) {
        return new WindowPreferences(value, bounds, maximized, view, dividers);
    }

    /**
     * Reads the preferences saved in {@code file}; the defaults when there is none yet.
     *
     * @param problems told of each line that cannot be read, naming the file, the line and the key
     */
    public static WindowPreferences read(Path file, Consumer<String> problems) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException first) {
            return DEFAULT;
        } catch (IOException | RuntimeException unreadable) {
            problems.accept(file + ": cannot be read (" + unreadable.getMessage() + "); the window opens with its defaults");
            return DEFAULT;
        }
        Theme theme = DEFAULT.theme();
        Double x = null;
        Double y = null;
        Double width = null;
        Double height = null;
        boolean maximized = DEFAULT.maximized();
        CentreView view = DEFAULT.view();
        List<Double> dividers = DEFAULT.dividers();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String key = equals < 0 ? line : line.substring(0, equals).strip();
            String value = equals < 0 ? "" : line.substring(equals + 1).strip();
            try {
                switch (key) {
                    case "theme" -> theme = Theme.valueOf(value.toUpperCase(Locale.ROOT));
                    case "x" -> x = Double.parseDouble(value);
                    case "y" -> y = Double.parseDouble(value);
                    case "width" -> width = Double.parseDouble(value);
                    case "height" -> height = Double.parseDouble(value);
                    case "maximized" -> maximized = parseBoolean(value);
                    case "view" -> view = CentreView.valueOf(value.toUpperCase(Locale.ROOT));
                    case "dividers" -> dividers = parseDividers(value);
                    default -> problems.accept(file + " line " + (i + 1) + ": unknown key '" + key + "' is ignored");
                }
            } catch (IllegalArgumentException bad) {
                problems.accept(file + " line " + (i + 1) + ": " + key + " '" + value + "' cannot be read ("
                        + bad.getMessage() + "); its default is used");
            }
        }
        Optional<Bounds> bounds = Optional.empty();
        if (x != null && y != null && width != null && height != null) {
            try {
                bounds = Optional.of(new Bounds(x, y, width, height));
            } catch (IllegalArgumentException bad) {
                problems.accept(file + ": width and height: " + bad.getMessage() + "; the default size is used");
            }
        }
        return new WindowPreferences(theme, bounds, maximized, view, dividers);
    }

    /** Writes the preferences to {@code file} (its directory is created), replacing it whole. */
    public void write(Path file) throws IOException {
        List<String> lines = new ArrayList<>(List.of("# MeshDeck window, saved when it was last closed",
                "theme=" + theme.name().toLowerCase(Locale.ROOT),
                "maximized=" + maximized,
                "view=" + view.name().toLowerCase(Locale.ROOT)));
        bounds.ifPresent(b -> lines.addAll(List.of("x=" + b.x(), "y=" + b.y(), "width=" + b.width(), "height=" + b.height())));
        if (!dividers.isEmpty()) {
            lines.add("dividers=" + String.join(",", dividers.stream().map(String::valueOf).toList()));
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // a crash while writing leaves the previous file, never half of one
        Path partial = Files.createTempFile(parent, FILE_NAME, ".partial");
        Files.write(partial, lines, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean parseBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        };
    }

    private static List<Double> parseDividers(String value) {
        List<Double> positions = new ArrayList<>();
        for (String part : value.split(",")) {
            double position = Double.parseDouble(part.strip());
            if (!(position >= 0 && position <= 1)) {
                throw new IllegalArgumentException("a divider position is between 0 and 1, not " + position);
            }
            positions.add(position);
        }
        return positions;
    }
}
