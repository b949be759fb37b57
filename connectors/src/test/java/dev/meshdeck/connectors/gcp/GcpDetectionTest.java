package dev.meshdeck.connectors.gcp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which projects and regions Cloud Run is scanned in, from options, environment and gcloud's files. */
class GcpDetectionTest {

    @TempDir
    Path home;
    private final Map<String, String> env = new HashMap<>();

    private Optional<GcpSettings> detect(List<String> projects, List<String> regions) {
        env.putIfAbsent("HOME", home.toString());
        return new GcpDetection(env::get).settings(projects, regions);
    }

    private Path gcloud() throws Exception {
        return Files.createDirectories(home.resolve(".config/gcloud"));
    }

    @Test
    void nothingConfiguredShowsNoCloudRun() {
        assertThat(detect(List.of(), List.of())).isEmpty();
    }

    @Test
    void readsTheActiveGcloudConfigurationsProjectAndRunRegion() throws Exception {
        Path dir = gcloud();
        Files.writeString(dir.resolve("active_config"), "work\n");
        Files.createDirectories(dir.resolve("configurations"));
        Files.writeString(dir.resolve("configurations/config_default"), "[core]\nproject = personal\n");
        Files.writeString(dir.resolve("configurations/config_work"),
                "[core]\naccount = sre@example.com\nproject = shop-prod\n\n[run]\nregion = europe-west1\n");

        GcpSettings settings = detect(List.of(), List.of()).orElseThrow();

        assertThat(settings.projects()).containsExactly("shop-prod");
        assertThat(settings.regions()).containsExactly("europe-west1");
        assertThat(settings.endpoint()).isEmpty();
        assertThat(settings.loopback()).isFalse();
    }

    @Test
    void optionsWinAndNameSeveralProjectsAndRegions() {
        env.put("CLOUDSDK_CORE_PROJECT", "from-env");
        env.put("CLOUDSDK_RUN_REGION", "us-central1");

        GcpSettings settings = detect(List.of("a", "b"), List.of("europe-west1", "us-east1")).orElseThrow();

        assertThat(settings.projects()).containsExactly("a", "b");
        assertThat(settings.regions()).containsExactly("europe-west1", "us-east1");
    }

    @Test
    void takesTheProjectOfAServiceAccountKeyButKeepsNothingElseOfIt() throws Exception {
        Path key = home.resolve("sa.json");
        Files.writeString(key, "{\"type\":\"service_account\",\"project_id\":\"billing-prod\",\"private_key\":\"-----BEGIN\"}");
        env.put("GOOGLE_APPLICATION_CREDENTIALS", key.toString());
        env.put("CLOUDSDK_RUN_REGION", "europe-west1");

        GcpSettings settings = detect(List.of(), List.of()).orElseThrow();

        assertThat(settings.projects()).containsExactly("billing-prod");
        assertThat(settings.toString()).doesNotContain("BEGIN");
    }

    @Test
    void aConfiguredProjectWithoutRegionSaysWhatToPass() {
        env.put("GOOGLE_CLOUD_PROJECT", "shop-prod");
        assertThatThrownBy(() -> detect(List.of(), List.of())).hasMessageContaining("--gcp-region");
    }

    @Test
    void theSandboxEndpointIsCalledWithoutCredentials() {
        env.put(GcpDetection.ENDPOINT_VARIABLE, "http://127.0.0.1:8089");
        env.put("CLOUDSDK_CORE_PROJECT", "meshdeck-sandbox");
        env.put("CLOUDSDK_RUN_REGION", "europe-west1");

        GcpSettings settings = detect(List.of(), List.of()).orElseThrow();

        assertThat(settings.endpoint()).contains(URI.create("http://127.0.0.1:8089"));
        assertThat(settings.loopback()).isTrue();
    }
}
