package dev.meshdeck.connectors.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.history.AuditEvent;
import dev.meshdeck.core.changes.history.AuditLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The audit log as JSON lines ({@value #FILE} in the data directory), one line per mutation attempt, appended. */
public final class AuditFile implements AuditLog {

    public static final String FILE = "audit.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public AuditFile(Path dataDirectory) {
        this.file = DataDirectory.ensure(dataDirectory).resolve(FILE);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void record(AuditEvent event) {
        ObjectNode line = JSON.createObjectNode()
                .put("time", event.time().toString())
                .put("identity", event.identity())
                .put("action", event.action())
                .put("resource", event.resource())
                .put("result", event.result())
                .put("detail", event.detail());
        event.target().fields().forEach(line.putObject("target")::put);
        if (event.entry() != null) {
            line.put("entry", event.entry());
        }
        try {
            Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an audit line", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the audit log " + file + ": check that it is writable", e);
        }
    }
}
