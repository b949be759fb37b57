package dev.meshdeck.connectors.aws;

import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.sandbox.lambda.LambdaControlPlane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credentials and endpoints come from the SDK's own settings: ~/.aws files (redirected here through the
 * aws.configFile / aws.sharedCredentialsFile system properties) and aws.endpointUrlLambda.
 */
class AwsProfileCredentialsTest {

    private static final String CONFIG = """
            [profile sre-sso]
            sso_start_url = https://meshdeck-test-never-logged-in.awsapps.com/start
            sso_region = eu-west-1
            sso_account_id = 123456789012
            sso_role_name = ReadOnly
            region = eu-west-1

            [profile sre-sso-session]
            sso_session = meshdeck-test-session
            sso_account_id = 123456789012
            sso_role_name = ReadOnly

            [sso-session meshdeck-test-session]
            sso_start_url = https://meshdeck-test-session-never-logged-in.awsapps.com/start
            sso_region = eu-west-1

            [profile keyless]
            region = eu-west-1

            [profile by-process]
            region = eu-west-1
            credential_process = /bin/sh %s
            """;

    @TempDir
    Path home;
    private LambdaControlPlane plane;

    @BeforeEach
    void redirectAwsFiles() throws IOException {
        Path script = home.resolve("issue-credentials.sh");
        // prints throwaway keys, and leaves a mark so the test knows the SDK ran it
        Files.writeString(script, """
                touch "%s"
                printf '{"Version": 1, "AccessKeyId": "AKIDPROCESSTHROWAWAY", "SecretAccessKey": "throwaway"}'
                """.formatted(home.resolve("process-ran")));
        Files.writeString(home.resolve("config"), CONFIG.formatted(script));
        Files.writeString(home.resolve("credentials"), "");
        System.setProperty("aws.configFile", home.resolve("config").toString());
        System.setProperty("aws.sharedCredentialsFile", home.resolve("credentials").toString());
        plane = LambdaControlPlane.start().seedDefault();
    }

    @AfterEach
    void restore() {
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
        System.clearProperty("aws.endpointUrlLambda");
        System.clearProperty("aws.profile");
        plane.close();
    }

    private SourceStatus onlyStatus(AwsSettings settings) {
        try (LambdaCatalog catalog = new LambdaCatalog(settings)) {
            List<InventoryEvent> events = catalog.discover();
            assertThat(events).singleElement().isInstanceOf(InventoryEvent.SourceChanged.class);
            return ((InventoryEvent.SourceChanged) events.get(0)).status();
        }
    }

    @Test
    void ssoProfileWithoutTokenAsksForSsoLogin() {
        SourceStatus status = onlyStatus(AwsSettings.forProfile("sre-sso", List.of("eu-west-1"))
                .withEndpoint(plane.endpoint()));

        assertThat(status.state()).isEqualTo(SourceStatus.State.FAILED);
        assertThat(status.message())
                .isEqualTo("AWS SSO session for profile sre-sso has expired: run `aws sso login --profile sre-sso`");
        assertThat(status.source()).isEqualTo(new SourceRef.AwsRegion("unknown", "eu-west-1", "sre-sso"));
        assertThat(((SourceRef.AwsRegion) status.source()).account()).isEqualTo("unknown");
    }

    @Test
    void ssoSessionProfileWithoutTokenAsksForSsoLogin() {
        SourceStatus status = onlyStatus(AwsSettings.forProfile("sre-sso-session", List.of("eu-west-1"))
                .withEndpoint(plane.endpoint()));

        assertThat(status.message()).isEqualTo(
                "AWS SSO session for profile sre-sso-session has expired: run `aws sso login --profile sre-sso-session`");
    }

    @Test
    void profileWithoutCredentialsIsNamed() {
        SourceStatus status = onlyStatus(AwsSettings.forProfile("keyless", List.of("eu-west-1"))
                .withEndpoint(plane.endpoint()));

        assertThat(status.state()).isEqualTo(SourceStatus.State.FAILED);
        assertThat(status.message()).startsWith("No usable AWS credentials for profile keyless (region eu-west-1): ");
    }

    @Test
    void sdkEndpointSettingForLambdaIsHonouredAndTheAccountComesFromTheArns() {
        System.setProperty("aws.endpointUrlLambda", plane.endpoint().toString());

        try (LambdaCatalog catalog = new LambdaCatalog(new AwsSettings(null, List.of("eu-west-1"), null, null, null, true))) {
            List<InventoryEvent> events = catalog.discover();

            assertThat(events).filteredOn(InventoryEvent.SourceLoaded.class::isInstance).singleElement()
                    .satisfies(e -> {
                        InventoryEvent.SourceLoaded loaded = (InventoryEvent.SourceLoaded) e;
                        assertThat(((SourceRef.AwsRegion) loaded.source()).account()).isEqualTo("123456789012");
                        assertThat(loaded.source().label()).isEqualTo("123456789012/eu-west-1");
                        assertThat(loaded.functions()).hasSize(4);
                    });
        }
    }

    @Test
    void credentialProcessOfTheDefaultChainsProfileIsRun() {
        System.setProperty("aws.profile", "by-process");

        try (LambdaCatalog catalog = new LambdaCatalog(AwsSettings.defaultChain(List.of("eu-west-1"))
                .withEndpoint(plane.endpoint()))) {
            List<InventoryEvent> events = catalog.discover();

            assertThat(events).filteredOn(InventoryEvent.SourceLoaded.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((InventoryEvent.SourceLoaded) e).functions()).hasSize(4));
        }
        assertThat(home.resolve("process-ran")).exists();
    }

    @Test
    void profilesAreListedWithHowTheyGetCredentialsButNoSecret() {
        assertThat(AwsProfiles.list()).containsExactly(
                new dev.meshdeck.core.lambda.AwsProfile("by-process", "eu-west-1", "credential_process"),
                new dev.meshdeck.core.lambda.AwsProfile("keyless", "eu-west-1", "-"),
                new dev.meshdeck.core.lambda.AwsProfile("sre-sso", "eu-west-1", "SSO"),
                new dev.meshdeck.core.lambda.AwsProfile("sre-sso-session", "", "SSO"));
    }
}
