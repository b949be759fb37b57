package dev.meshdeck.connectors.gcp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** gcloud's active named configuration ({@code configurations/config_NAME}, an INI file), by section. */
final class GcloudConfig {

    private GcloudConfig() {
    }

    /**
     * @param named {@code CLOUDSDK_ACTIVE_CONFIG_NAME} if set; else the {@code active_config} file's, else "default"
     * @return section → key → value; empty when gcloud is not configured
     */
    static Map<String, Map<String, String>> active(Path directory, Optional<String> named) {
        String name = named.orElseGet(() -> read(directory.resolve("active_config")).map(String::strip).orElse("default"));
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String raw : read(directory.resolve("configurations").resolve("config_" + name)).orElse("").split("\n")) {
            String line = raw.strip();
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1).strip(), s -> new LinkedHashMap<>());
            } else if (current != null && line.contains("=") && !line.startsWith("#") && !line.startsWith(";")) {
                int eq = line.indexOf('=');
                current.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return sections;
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
