package dev.meshdeck.connectors.aws;

import dev.meshdeck.sandbox.lambda.LambdaControlPlane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An IAM Identity Center profile whose cached SSO token has expired, as `aws sso login` leaves it a day later.
 * Runs in a child JVM whose HOME is a temporary directory (the SDK reads its SSO cache from $HOME/.aws/sso/cache).
 */
class ExpiredSsoSessionTest {

    private static final String START_URL = "https://meshdeck-expired-test.awsapps.com/start";

    @Test
    void expiredSsoTokenAsksForSsoLoginInsteadOfAStackTrace(@TempDir Path home) throws Exception {
        Path aws = Files.createDirectories(home.resolve(".aws"));
        Files.writeString(aws.resolve("config"), """
                [profile sre-expired]
                sso_start_url = %s
                sso_region = eu-west-1
                sso_account_id = 123456789012
                sso_role_name = ReadOnly
                region = eu-west-1
                """.formatted(START_URL));
        Files.writeString(aws.resolve("credentials"), "");
        Path cache = Files.createDirectories(aws.resolve("sso").resolve("cache"));
        Files.writeString(cache.resolve(sha1Hex(START_URL) + ".json"), """
                {"startUrl": "%s", "region": "eu-west-1", "accessToken": "throwaway-expired-token",
                 "expiresAt": "2020-01-01T00:00:00Z"}
                """.formatted(START_URL));

        List<String> lines;
        try (LambdaControlPlane plane = LambdaControlPlane.start().seedDefault()) {
            lines = runProbe(home, "sre-expired", plane.endpoint().toString());
        }

        assertThat(lines).contains("sdk: software.amazon.awssdk.services.sso.auth.ExpiredTokenException",
                "status: FAILED AWS SSO session for profile sre-expired has expired: run `aws sso login --profile sre-expired`");
        assertThat(String.join("\n", lines)).doesNotContain("throwaway-expired-token", "\tat ");
    }

    private static List<String> runProbe(Path home, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=" + home.resolve("none.xml"),
                SsoStatusProbe.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("HOME", home.toString());
        Process probe = builder.start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out.lines().toList();
    }

    private static String sha1Hex(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
