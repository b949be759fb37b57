package dev.meshdeck.connectors.gcp;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides whether the user has Google Cloud configured, and which projects and regions to scan, the way gcloud
 * and the client libraries would: nothing configured means Cloud Run is simply not shown. Only names are read
 * (a project id, a region); a credential file is opened for its {@code project_id} / {@code quota_project_id}
 * fields alone and nothing of it is kept.
 */
public final class GcpDetection {

    /** The sandbox's (or any local) Admin API endpoint; set in the sandbox's env file. */
    public static final String ENDPOINT_VARIABLE = "MESHDECK_CLOUDRUN_ENDPOINT";

    private final Function<String, String> environment;

    GcpDetection(Function<String, String> environment) {
        this.environment = environment;
    }

    /**
     * Settings for Cloud Run discovery, or empty when nothing points at Google Cloud.
     *
     * @param projects explicit --gcp-project values; when empty, the environment's or gcloud's project
     * @param regions  explicit --gcp-region values; when empty, gcloud's {@code run/region}
     * @throws IllegalArgumentException when Google Cloud is configured but no project or region can be found
     */
    public static Optional<GcpSettings> detect(List<String> projects, List<String> regions) {
        return new GcpDetection(System::getenv).settings(projects, regions);
    }

    Optional<GcpSettings> settings(List<String> projects, List<String> regions) {
        Optional<URI> endpoint = env(ENDPOINT_VARIABLE).map(URI::create);
        Optional<Path> adc = env("GOOGLE_APPLICATION_CREDENTIALS").map(Path::of)
                .or(() -> Optional.of(gcloudDirectory().resolve("application_default_credentials.json")))
                .filter(Files::isRegularFile);
        Map<String, Map<String, String>> gcloud = GcloudConfig.active(gcloudDirectory(), env("CLOUDSDK_ACTIVE_CONFIG_NAME"));
        Optional<String> project = env("CLOUDSDK_CORE_PROJECT").or(() -> env("GOOGLE_CLOUD_PROJECT"))
                .or(() -> Optional.ofNullable(gcloud.getOrDefault("core", Map.of()).get("project")))
                .or(() -> adc.flatMap(GcpDetection::projectOf));
        if (projects.isEmpty() && endpoint.isEmpty() && adc.isEmpty() && project.isEmpty()) {
            return Optional.empty();
        }
        List<String> scanProjects = projects.isEmpty() ? project.map(List::of).orElseThrow(() ->
                new IllegalArgumentException("Google Cloud is configured but no project is set: pass --gcp-project,"
                        + " or run `gcloud config set project P`")) : projects;
        Optional<String> region = env("CLOUDSDK_RUN_REGION")
                .or(() -> Optional.ofNullable(gcloud.getOrDefault("run", Map.of()).get("region")));
        List<String> scanRegions = regions.isEmpty() ? region.map(List::of).orElseThrow(() ->
                new IllegalArgumentException("Google Cloud is configured but no Cloud Run region is set: pass"
                        + " --gcp-region, or run `gcloud config set run/region R`")) : regions;
        return Optional.of(new GcpSettings(endpoint, scanProjects, scanRegions));
    }

    /** gcloud's configuration directory: {@code CLOUDSDK_CONFIG}, else {@code ~/.config/gcloud} from $HOME. */
    private Path gcloudDirectory() {
        return env("CLOUDSDK_CONFIG").map(Path::of)
                .orElseGet(() -> Path.of(env("HOME").orElse(System.getProperty("user.home")), ".config", "gcloud"));
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(environment.apply(name)).filter(v -> !v.isBlank());
    }

    /** A service account key's {@code project_id}, or an ADC user file's {@code quota_project_id}. */
    private static Optional<String> projectOf(Path credentials) {
        try {
            var tree = new ObjectMapper().readTree(credentials.toFile());
            String id = tree.path("project_id").asText(tree.path("quota_project_id").asText(""));
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
