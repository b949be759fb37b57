package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help reads as written: a stray % in a description makes picocli print it raw, with a warning. */
class HelpTextTest {

    @Test
    void everyCommandsHelpFormatsWithoutAWarning() {
        List<CommandLine> all = new ArrayList<>();
        collect(MeshDeckCommand.commandLine(), all);
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            all.forEach(CommandLine::getUsageMessage);
        } finally {
            System.setErr(stderr);
        }
        assertThat(all).hasSizeGreaterThan(20);
        assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, into));
    }
}
