package dev.meshdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedClassesTest {

    @TempDir
    Path dir;
    Path jar;
    Path cache;
    final Path javaHome = Path.of(System.getProperty("java.home"));

    @BeforeEach
    void aJar() throws IOException {
        jar = Files.write(dir.resolve("meshdeck.jar"), new byte[] {1, 2, 3});
        cache = dir.resolve("cache");
    }

    private Optional<SharedClasses.Plan> plan(List<String> args, Map<String, String> env, String classPath, List<String> jvm)
            throws IOException {
        return SharedClasses.plan(args, env, classPath, javaHome, jvm, cache, "17.0.15");
    }

    private Optional<SharedClasses.Plan> plan(String... args) throws IOException {
        return plan(List.of(args), Map.of(), jar.toString(), List.of("-Xmx1g"));
    }

    @Test
    void theFirstWindowRecordsItsClassesTheNextOnesStartFromThem() throws IOException {
        SharedClasses.Plan first = plan("ui", "--view", "topology").orElseThrow();
        assertThat(first.recording()).isNotNull();
        assertThat(first.command()).startsWith(javaHome.resolve("bin").resolve("java").toString(), "-Xmx1g")
                .contains("-XX:ArchiveClassesAtExit=" + first.recording())
                .contains("-D" + SharedClasses.LAUNCHER + "=" + ProcessHandle.current().pid())
                .endsWith("-cp", jar.toAbsolutePath().toString(), Main.class.getName(), "ui", "--view", "topology");
        assertThat(first.archive().getParent()).isEqualTo(cache.resolve("cds"));

        Files.write(first.archive(), new byte[] {4});
        SharedClasses.Plan next = plan().orElseThrow();
        assertThat(next.recording()).isNull();
        assertThat(next.command()).contains("-XX:SharedArchiveFile=" + first.archive())
                .noneMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit"));
    }

    @Test
    void aNewBuildOfTheJarGetsAnArchiveOfItsOwn() throws IOException {
        Path before = plan("ui").orElseThrow().archive();
        Files.write(jar, new byte[] {1, 2, 3, 4});
        assertThat(plan("ui").orElseThrow().archive()).isNotEqualTo(before);
    }

    @Test
    void oneOffCommandsRunOnTheQuickTierFromAnArchiveOfTheirOwn() throws IOException {
        SharedClasses.Plan functions = plan("functions", "-o", "json").orElseThrow();
        assertThat(functions.command()).contains("-XX:TieredStopAtLevel=1")
                .endsWith(Main.class.getName(), "functions", "-o", "json");
        assertThat(functions.archive()).isNotEqualTo(plan("ui").orElseThrow().archive());
        assertThat(plan("validate", "-f", "x.yaml").orElseThrow().archive()).isEqualTo(functions.archive());

        assertThat(plan("ui").orElseThrow().command()).doesNotContain("-XX:TieredStopAtLevel=1");
        for (List<String> longRunning : List.of(List.of("functions", "--watch"), List.of("functions", "-w"),
                List.of("canary", "start", "--function", "order-function"), List.of("canary", "resume", "--function", "x"))) {
            assertThat(plan(longRunning, Map.of(), jar.toString(), List.of()).orElseThrow().command())
                    .as(String.join(" ", longRunning)).doesNotContain("-XX:TieredStopAtLevel=1");
        }
        assertThat(plan(List.of("canary", "status"), Map.of(), jar.toString(), List.of()).orElseThrow().command())
                .contains("-XX:TieredStopAtLevel=1");
    }

    @Test
    void oneOffCommandsCollectGarbageOnOneThreadUnlessAskedOtherwise() throws IOException {
        assertThat(plan("functions", "-o", "json").orElseThrow().command()).contains("-XX:+UseSerialGC");
        assertThat(plan("ui").orElseThrow().command()).doesNotContain("-XX:+UseSerialGC");
        assertThat(plan(List.of("functions", "--watch"), Map.of(), jar.toString(), List.of()).orElseThrow().command())
                .doesNotContain("-XX:+UseSerialGC");
        assertThat(plan(List.of("functions"), Map.of(), jar.toString(), List.of("-XX:+UseParallelGC")).orElseThrow()
                .command()).contains("-XX:+UseParallelGC").doesNotContain("-XX:+UseSerialGC");
    }

    @Test
    void commandsQuickRunsAndHandChosenOptionsRunInThisJvm() throws IOException {
        assertThat(plan("bench", "startup")).isEmpty();
        assertThat(plan("sandbox", "--env-out", "x.env")).isEmpty();
        assertThat(plan("functions", "--help")).isEmpty();
        assertThat(plan("ui", "--help")).isEmpty();
        assertThat(plan("--version")).isEmpty();
        assertThat(plan(List.of("ui"), Map.of(SharedClasses.SETTING, "off"), jar.toString(), List.of())).isEmpty();
        assertThat(plan(List.of("ui"), Map.of(), jar + java.io.File.pathSeparator + dir, List.of())).isEmpty();
        assertThat(plan(List.of("ui"), Map.of(), dir.resolve("classes").toString(), List.of())).isEmpty();
        assertThat(plan(List.of("ui"), Map.of(), jar.toString(), List.of("-Xshare:off"))).isEmpty();
        assertThat(plan(List.of("ui"), Map.of(), jar.toString(), List.of("-XX:SharedArchiveFile=/x.jsa"))).isEmpty();
    }

    @Test
    void aRecordedArchiveReplacesTheOldOnesAndTheExitCodeIsTheWindows() throws Exception {
        Files.createDirectories(cache.resolve("cds"));
        Path old = Files.write(cache.resolve("cds").resolve("meshdeck-1-2-java17-window.jsa"), new byte[] {9});
        SharedClasses.Plan recorded = plan("ui").orElseThrow();
        Path stale = Files.write(cache.resolve("cds").resolve(recorded.archive().getFileName() + ".99.tmp"), new byte[] {9});
        Path cli = Files.write(cache.resolve("cds").resolve(recorded.build() + "cli.jsa"), new byte[] {9});
        SharedClasses.Plan fake = new SharedClasses.Plan(List.of("sh", "-c", "echo classes > '" + recorded.recording() + "'; exit 3"),
                recorded.archive(), recorded.recording(), recorded.build());

        assertThat(SharedClasses.run(fake)).isEqualTo(3);
        assertThat(recorded.archive()).hasContent("classes");
        assertThat(recorded.recording()).doesNotExist();
        assertThat(old).doesNotExist();
        assertThat(stale).doesNotExist();
        assertThat(cli).as("the same build's other archive").exists();
    }

    @Test
    void aRunThatRecordedNothingLeavesNoArchive() throws Exception {
        SharedClasses.Plan recorded = plan("ui").orElseThrow();
        SharedClasses.Plan fake = new SharedClasses.Plan(List.of("sh", "-c", "exit 0"), recorded.archive(), recorded.recording(), recorded.build());

        assertThat(SharedClasses.run(fake)).isZero();
        assertThat(recorded.archive()).doesNotExist();
    }
}
