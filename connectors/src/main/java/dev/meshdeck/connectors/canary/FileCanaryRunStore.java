package dev.meshdeck.connectors.canary;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.meshdeck.connectors.history.DataDirectory;
import dev.meshdeck.core.canary.CanaryRun;
import dev.meshdeck.core.canary.CanaryRunStore;
import dev.meshdeck.core.canary.Control;
import dev.meshdeck.core.canary.Owner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Canary runs as JSON files next to the history: {@code <data>/canary/<id>.json}, each replaced atomically so a
 * killed process leaves the last whole state, {@code <id>.owner} for the heartbeat of the process driving it, and
 * {@code <id>.request} for a person's pending request (written by one process, taken by the one driving the run).
 */
public final class FileCanaryRunStore implements CanaryRunStore {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public FileCanaryRunStore(Path dataDirectory) {
        this.dir = dataDirectory.resolve("canary");
    }

    /** The store of the data directory MeshDeck uses now (the sandbox's own with its environment). */
    public static FileCanaryRunStore resolve() {
        return new FileCanaryRunStore(DataDirectory.resolve());
    }

    @Override
    public void save(CanaryRun run) {
        try {
            DataDirectory.ensure(dir);
            write(dir.resolve(run.id() + ".json"), JSON.writeValueAsString(run));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store canary run " + run.id() + " in " + dir, e);
        }
    }

    @Override
    public List<CanaryRun> runs() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<CanaryRun> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    runs.add(withBeat(JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), CanaryRun.class)));
                } catch (NoSuchFileException e) {
                    // replaced between the listing and the read: the next listing has it
                } catch (IOException e) {
                    throw new UncheckedIOException("canary run file " + file + " cannot be read: " + e.getMessage()
                            + "; move it away to go on", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the canary runs in " + dir, e);
        }
        runs.sort(Comparator.comparing(CanaryRun::started).reversed());
        return runs;
    }

    @Override
    public void beat(String id, Owner owner) {
        try {
            DataDirectory.ensure(dir);
            write(dir.resolve(id + ".owner"), JSON.writeValueAsString(owner));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the heartbeat of canary run " + id + " in " + dir, e);
        }
    }

    /** The run with its owner's latest beat, when that is newer than the one stored with the run. */
    private CanaryRun withBeat(CanaryRun run) throws IOException {
        Path file = dir.resolve(run.id() + ".owner");
        if (!Files.exists(file)) {
            return run;
        }
        Owner beat;
        try {
            beat = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Owner.class);
        } catch (NoSuchFileException e) {
            return run;
        }
        return run.owner() != null && !beat.heartbeat().isAfter(run.owner().heartbeat()) ? run
                : run.with(d -> d.owner = beat);
    }

    @Override
    public void request(String id, Control control) {
        try {
            DataDirectory.ensure(dir);
            write(dir.resolve(id + ".request"), control.name());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot leave the request for canary run " + id + " in " + dir, e);
        }
    }

    @Override
    public Optional<Control> takeRequest(String id) {
        Path file = dir.resolve(id + ".request");
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            Files.deleteIfExists(file);
            return Optional.of(Control.valueOf(text.toUpperCase(Locale.ROOT)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("the request for canary run " + id + " in " + file + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private static void write(Path target, String text) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".canary-", ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
