package dev.meshdeck.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Issue #15: MeshDeck commands pointed at a sandbox record their change sets in the sandbox's own store. */
class SandboxDataDirectoryTest {

    @Test
    void theEnvironmentPointsMeshDeckAtAStoreThatGoesWithTheSandbox() throws Exception {
        Path data;
        try (Sandbox sandbox = Sandbox.start(0, 0, 0)) {
            data = sandbox.dataDirectory();
            assertThat(sandbox.environment()).contains("export MESHDECK_DATA_DIR='" + data.toAbsolutePath() + "'\n");
            Files.createDirectories(data);
            Files.writeString(data.resolve("history.mv.db"), "change sets");
        }
        assertThat(data).doesNotExist();
    }
}
