package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.sandbox.Sandbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `meshdeck logs`: every pod of every version of a function, merged by time, each line prefixed with its pod. */
class LogsCommandTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(0, 0, 0);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static Cli logs(String... more) {
        List<String> args = new ArrayList<>(List.of("logs", "--kubeconfig", sandbox.kubeconfig().toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void printsTheLinesOfBothVersionsPrefixedWithTheirPod() {
        Cli cli = logs("--function", "order-function", "--since", "5m");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<String> lines = cli.out().lines().toList();
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("[order-function-v1-").contains(" v1] level="))
                .anySatisfy(l -> assertThat(l).startsWith("[order-function-v2-").contains(" v2] level="));
        assertThat(lines).extracting(l -> l.substring(1, l.indexOf(' '))).contains("order-function-v1-93664c216-jnxdg",
                "order-function-v1-93664c216-hf9rj", "order-function-v2-b2115d1b6-prskd");
    }

    @Test
    void theAccessLogIsMergedByTimeAcrossPods() {
        Cli cli = logs("--function", "order-function", "--since", "1m", "--container", "istio-proxy");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<Instant> times = cli.out().lines()
                .map(l -> Instant.parse(l.substring(l.indexOf("] [") + 3, l.indexOf("] \"")))).toList();
        assertThat(times).hasSizeGreaterThan(50).isSorted();
        assertThat(cli.out()).contains("\"POST /order HTTP/1.1\"");
    }

    @Test
    void grepKeepsOnlyTheLinesItFindsAndVersionOnlyThatVersionsPods() {
        Cli cli = logs("--function", "order-function", "--since", "2m", "--version", "v2", "--grep", "status=200");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out().lines()).isNotEmpty()
                .allSatisfy(l -> assertThat(l).startsWith("[order-function-v2-").contains("status=200"));
    }

    @Test
    void aBadRegexIsRefusedNamingIt() {
        Cli cli = logs("--function", "order-function", "--grep", "status=(");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("--grep status=(").contains("RE2");
    }

    @Test
    void aContainerNoPodHasIsNamedWithTheOnesThereAre() {
        Cli cli = logs("--function", "order-function", "--container", "nginx");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).contains("nginx").contains("function, istio-proxy");
    }

    @Test
    void theCrashLoopingPodsPreviousContainerShowsItsCrash() {
        Cli cli = logs("--function", "recommendation", "-n", "backend", "--previous", "--since", "1h");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("[recommendation-d0c18034a-nz9js] level=fatal msg=\"startup failed, exiting\"");
    }

    @Test
    void aLambdaFunctionsLogsComeFromCloudWatchLogsPrefixedWithTheirStream() {
        Cli cli;
        try (SandboxAws aws = new SandboxAws(sandbox)) {
            cli = logs("--function", "invoice-pdf", "--since", "2m", "--grep", "REPORT");
        }

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<String> lines = cli.out().lines().toList();
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l)
                .matches("^\\[\\d{4}/\\d\\d/\\d\\d/\\[[^]]+][0-9a-f]+ [^]]+] REPORT RequestId: .*Duration: .* ms.*"));
        assertThat(lines).extracting(l -> l.substring(l.indexOf(' ') + 1, l.indexOf(']', l.indexOf(' '))))
                .as("the versions the live alias sends traffic to").contains("3", "4");
    }
}
