package dev.meshdeck.connectors.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.changes.SecretMask;
import dev.meshdeck.core.changes.WriteTarget;
import dev.meshdeck.core.changes.history.Action;
import dev.meshdeck.core.changes.history.ChangeHistory;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.changes.history.OverriddenFinding;
import dev.meshdeck.core.changes.history.Status;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The history in an embedded H2 database ({@code history.mv.db} in the data directory). Each call opens and
 * closes its own connection, so every journal step is on disk when the call returns and a crash right after
 * loses nothing; another MeshDeck process may use the same file between calls. Secret values are masked.
 */
public final class H2ChangeHistory implements ChangeHistory {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA = """
            CREATE TABLE IF NOT EXISTS change_set (
              id BIGINT AUTO_INCREMENT PRIMARY KEY,
              started TIMESTAMP WITH TIME ZONE NOT NULL,
              finished TIMESTAMP WITH TIME ZONE,
              target VARCHAR NOT NULL,
              identity VARCHAR NOT NULL,
              reason VARCHAR NOT NULL,
              action VARCHAR NOT NULL,
              relates_to BIGINT,
              subject VARCHAR NOT NULL,
              status VARCHAR NOT NULL,
              detail CLOB NOT NULL);
            CREATE TABLE IF NOT EXISTS resource_change (
              set_id BIGINT NOT NULL REFERENCES change_set(id),
              position INT NOT NULL,
              api_version VARCHAR NOT NULL,
              kind VARCHAR NOT NULL,
              namespace VARCHAR NOT NULL,
              name VARCHAR NOT NULL,
              before_state CLOB,
              after_state CLOB,
              written BOOLEAN NOT NULL,
              PRIMARY KEY (set_id, position));
            ALTER TABLE change_set ADD COLUMN IF NOT EXISTS target_context VARCHAR;
            ALTER TABLE change_set ADD COLUMN IF NOT EXISTS target_account VARCHAR;
            ALTER TABLE change_set ADD COLUMN IF NOT EXISTS target_profile VARCHAR;
            ALTER TABLE change_set ADD COLUMN IF NOT EXISTS target_region VARCHAR;
            ALTER TABLE change_set ADD COLUMN IF NOT EXISTS forced BOOLEAN DEFAULT FALSE NOT NULL;
            ALTER TABLE change_set ADD COLUMN IF NOT EXISTS overridden CLOB;
            ALTER TABLE change_set ADD COLUMN IF NOT EXISTS target_project VARCHAR;
            """;
    /** Entries written before the target had columns of its own: only their label says where they went. */
    private static final String UNMIGRATED = "SELECT id, target FROM change_set WHERE target_context IS NULL"
            + " AND target_region IS NULL";

    private static final Object SCHEMA_LOCK = new Object();

    private final String url;

    /** Opens (creating if needed) the history of {@code dataDirectory}. */
    public H2ChangeHistory(Path dataDirectory) {
        Path db = DataDirectory.ensure(dataDirectory).toAbsolutePath().resolve("history");
        this.url = "jdbc:h2:file:" + db + ";DB_CLOSE_DELAY=0";
        // two histories of one file opened at once (the window's pipelines and its History pane) would run the
        // schema's DDL concurrently, which H2 refuses with "object already exists"
        synchronized (SCHEMA_LOCK) {
            run(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute(SCHEMA);
                }
                migrateTargets(c);
                return null;
            });
        }
    }

    /**
     * Gives entries of an older MeshDeck their target columns, read from the label it stored ("context c",
     * "AWS 123456789012/eu-west-1", "AWS profile p/eu-west-1", joined with " + "): the one place a label is parsed.
     */
    private static void migrateTargets(Connection c) throws SQLException {
        Map<Long, String> labels = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(UNMIGRATED)) {
            while (r.next()) {
                labels.put(r.getLong(1), r.getString(2));
            }
        }
        if (labels.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE change_set SET target_context = ?, target_account = ?,"
                + " target_profile = ?, target_region = ? WHERE id = ?")) {
            for (Map.Entry<Long, String> e : labels.entrySet()) {
                String context = null;
                String account = null;
                String profile = null;
                String region = null;
                for (String part : e.getValue().split(" \\+ ")) {
                    if (part.startsWith("context ")) {
                        context = part.substring("context ".length());
                    } else if (part.startsWith("AWS ") && part.lastIndexOf('/') > 4) {
                        String who = part.substring("AWS ".length(), part.lastIndexOf('/'));
                        region = part.substring(part.lastIndexOf('/') + 1);
                        if (who.startsWith("profile ")) {
                            profile = who.substring("profile ".length());
                        } else {
                            account = who;
                        }
                    }
                }
                setTarget(s, 1, context, account, profile, region);
                s.setLong(5, e.getKey());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The four target columns from {@code index} on. */
    private static void setTarget(PreparedStatement s, int index, String context, String account, String profile,
                                  String region) throws SQLException {
        s.setString(index, context);
        s.setString(index + 1, account);
        s.setString(index + 2, profile);
        s.setString(index + 3, region);
    }

    /** @param project set for a Google Cloud target, whose region is then in the region column */
    private static WriteTarget target(String context, String account, String profile, String region, String project) {
        List<WriteTarget> parts = new ArrayList<>();
        if (context != null) {
            parts.add(new WriteTarget.KubeContext(context));
        }
        if (project != null) {
            parts.add(new WriteTarget.GcpRegion(project, region));
        } else if (region != null) {
            parts.add(new WriteTarget.AwsRegion(account, profile, region));
        }
        return WriteTarget.of(parts);
    }

    @Override
    public long begin(WriteTarget target, String identity, ApplyRequest request, ChangeSet changes,
                      List<OverriddenFinding> overridden) {
        return run(c -> {
            c.setAutoCommit(false);
            long id;
            // the label column stays filled for an older MeshDeck reading the same file; this one reads the columns
            try (PreparedStatement s = c.prepareStatement("INSERT INTO change_set (started, target, identity, reason,"
                    + " action, relates_to, subject, status, detail, target_context, target_account, target_profile,"
                    + " target_region, forced, overridden, target_project) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setTimestamp(1, Timestamp.from(Instant.now()));
                s.setString(2, target.label());
                s.setString(3, identity);
                s.setString(4, request.reason());
                s.setString(5, request.action().name());
                if (request.relatesTo() == null) {
                    s.setNull(6, Types.BIGINT);
                } else {
                    s.setLong(6, request.relatesTo());
                }
                s.setString(7, request.subject());
                s.setString(8, Status.IN_PROGRESS.name());
                WriteTarget.AwsRegion aws = target.aws().orElse(null);
                WriteTarget.GcpRegion gcp = target.gcp().orElse(null);
                setTarget(s, 9, target.context().orElse(null), aws == null ? null : aws.account(),
                        aws == null ? null : aws.profile(), aws != null ? aws.region() : gcp == null ? null : gcp.region());
                s.setBoolean(13, request.forced());
                s.setString(14, overridden.isEmpty() ? null : JSON.writeValueAsString(overridden));
                s.setString(15, gcp == null ? null : gcp.project());
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO resource_change (set_id, position, api_version,"
                    + " kind, namespace, name, before_state, after_state, written) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE)")) {
                for (int i = 0; i < changes.size(); i++) {
                    ResourceChange change = changes.changes().get(i);
                    ResourceId t = change.target();
                    s.setLong(1, id);
                    s.setInt(2, i);
                    s.setString(3, t.apiVersion());
                    s.setString(4, t.kind());
                    s.setString(5, t.namespace());
                    s.setString(6, t.name());
                    s.setString(7, json(change.before()));
                    s.setString(8, json(change.after()));
                    s.addBatch();
                }
                s.executeBatch();
            }
            c.commit();
            return id;
        });
    }

    @Override
    public void written(long id, int index, ObjectNode stored) {
        run(c -> {
            // a deletion keeps the recorded after (null); a write records what the server stored, with its version
            try (PreparedStatement s = c.prepareStatement(stored == null
                    ? "UPDATE resource_change SET written = TRUE WHERE set_id = ? AND position = ?"
                    : "UPDATE resource_change SET written = TRUE, after_state = ? WHERE set_id = ? AND position = ?")) {
                int p = 1;
                if (stored != null) {
                    s.setString(p++, json(stored));
                }
                s.setLong(p++, id);
                s.setInt(p, index);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void finish(long id, Status status, String detail) {
        run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE change_set SET finished = ?, status = ?, detail = ? WHERE id = ?")) {
                s.setTimestamp(1, Timestamp.from(Instant.now()));
                s.setString(2, status.name());
                s.setString(3, detail);
                s.setLong(4, id);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<HistoryEntry> entries() {
        return query("ORDER BY id DESC", null);
    }

    /**
     * Applies a crash interrupted (still in progress), and applies that failed without undoing every earlier write
     * (the connection dropped mid-apply, so the undo could not be sent either): both left the cluster half-written,
     * and recovery completes or reverts them, each object compared with the cluster first.
     */
    @Override
    public List<HistoryEntry> unfinished() {
        return entries().stream().filter(e -> e.status() == Status.IN_PROGRESS || e.status() == Status.FAILED).toList();
    }

    @Override
    public Optional<HistoryEntry> entry(long id) {
        return query("WHERE id = ?", id).stream().findFirst();
    }

    private List<HistoryEntry> query(String where, Long id) {
        return run(c -> {
            Map<Long, List<ResourceChange>> changes = new LinkedHashMap<>();
            Map<Long, List<Boolean>> written = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT set_id, api_version, kind, namespace, name,"
                    + " before_state, after_state, written FROM resource_change"
                    + (id == null ? "" : " WHERE set_id = ?") + " ORDER BY set_id, position")) {
                if (id != null) {
                    s.setLong(1, id);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long set = r.getLong(1);
                        ResourceId target = new ResourceId(r.getString(2), r.getString(3), r.getString(4), r.getString(5));
                        changes.computeIfAbsent(set, k -> new ArrayList<>())
                                .add(new ResourceChange(target, object(r.getString(6)), object(r.getString(7))));
                        written.computeIfAbsent(set, k -> new ArrayList<>()).add(r.getBoolean(8));
                    }
                }
            }
            List<HistoryEntry> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, started, finished, target_context, identity, reason,"
                    + " action, relates_to, subject, status, detail, target_account, target_profile, target_region, forced,"
                    + " overridden, target_project FROM change_set " + where)) {
                if (id != null) {
                    s.setLong(1, id);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long set = r.getLong(1);
                        Timestamp finished = r.getTimestamp(3);
                        long relates = r.getLong(8);
                        // wasNull() speaks of the last column read: ask before reading another
                        Long relatesTo = r.wasNull() ? null : relates;
                        out.add(new HistoryEntry(set, r.getTimestamp(2).toInstant(),
                                finished == null ? null : finished.toInstant(),
                                target(r.getString(4), r.getString(12), r.getString(13), r.getString(14), r.getString(17)), r.getString(5),
                                r.getString(6), Action.valueOf(r.getString(7)), relatesTo,
                                r.getString(9), Status.valueOf(r.getString(10)), r.getString(11),
                                new ChangeSet(changes.getOrDefault(set, List.of())), written.getOrDefault(set, List.of()),
                                r.getBoolean(15), overridden(r.getString(16))));
                    }
                }
            }
            return out;
        });
    }

    private static String json(ObjectNode object) throws JsonProcessingException {
        return object == null ? null : JSON.writeValueAsString(SecretMask.mask(object));
    }

    private static List<OverriddenFinding> overridden(String json) throws JsonProcessingException {
        return json == null ? List.of() : List.of(JSON.readValue(json, OverriddenFinding[].class));
    }

    private static ObjectNode object(String json) throws JsonProcessingException {
        return json == null ? null : (ObjectNode) JSON.readTree(json);
    }

    @FunctionalInterface
    private interface Work<T> {
        T in(Connection c) throws SQLException, JsonProcessingException;
    }

    private <T> T run(Work<T> work) {
        try (Connection c = DriverManager.getConnection(url, "meshdeck", "")) {
            return work.in(c);
        } catch (SQLException e) {
            throw new IllegalStateException("MeshDeck's history database (" + url.substring("jdbc:h2:file:".length(),
                    url.indexOf(';')) + ".mv.db) cannot be used: " + e.getMessage()
                    + (e.getErrorCode() == 90020 ? " — another MeshDeck is using it; try again when it is done" : ""), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("MeshDeck's history database holds an unreadable object: " + e.getMessage(), e);
        }
    }
}
