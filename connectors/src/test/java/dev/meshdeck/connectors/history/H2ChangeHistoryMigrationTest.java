package dev.meshdeck.connectors.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.WriteTarget;
import dev.meshdeck.core.changes.history.HistoryEntry;
import dev.meshdeck.core.changes.history.OverriddenFinding;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A history database written by an earlier MeshDeck is opened with its targets as values. */
class H2ChangeHistoryMigrationTest {

    /** The schema MeshDeck wrote before targets had columns of their own (the target only as a label). */
    private static final String OLD_SCHEMA = """
            CREATE TABLE change_set (
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
            CREATE TABLE resource_change (
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
            """;

    @TempDir
    Path dir;

    @Test
    void anOldHistoryIsMigratedWhenOpenedAndKeepsWorking() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("history")
                + ";DB_CLOSE_DELAY=0", "meshdeck", ""); Statement s = c.createStatement()) {
            s.execute(OLD_SCHEMA);
            for (String label : List.of("context meshdeck-sandbox", "AWS 123456789012/eu-west-1",
                    "AWS profile default/eu-west-1", "context meshdeck-sandbox + AWS profile ops/us-east-1")) {
                s.execute("INSERT INTO change_set (started, finished, target, identity, reason, action, subject, status,"
                        + " detail) VALUES (CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '" + label + "', 'me', '', 'FAILOVER',"
                        + " 'lambda invoice-pdf', 'APPLIED', '')");
            }
        }

        H2ChangeHistory history = new H2ChangeHistory(dir);

        assertThat(history.entries()).extracting(HistoryEntry::target).containsExactly(
                WriteTarget.of(List.of(new WriteTarget.KubeContext("meshdeck-sandbox"),
                        new WriteTarget.AwsRegion(null, "ops", "us-east-1"))),
                new WriteTarget.AwsRegion(null, "default", "eu-west-1"),
                new WriteTarget.AwsRegion("123456789012", null, "eu-west-1"),
                new WriteTarget.KubeContext("meshdeck-sandbox"));
        assertThat(history.entries()).allSatisfy(e -> assertThat(e.forced()).isFalse());

        WriteTarget.AwsRegion region = new WriteTarget.AwsRegion("123456789012", "default", "eu-west-1");
        OverriddenFinding finding = new OverriddenFinding("MD0302", "error", "VirtualService serverless/order-function",
                "spec.http[0].route[0].destination.subset", "subset v9 is not defined");
        long id = history.begin(region, "me", ApplyRequest.apply("").forced("INC-7: the DR lands next"),
                new ChangeSet(List.of()), List.of(finding));
        HistoryEntry forced = new H2ChangeHistory(dir).entry(id).orElseThrow();
        assertThat(forced.target()).isEqualTo(region);
        assertThat(forced.forced()).isTrue();
        assertThat(forced.overridden()).containsExactly(finding);
        assertThat(forced.reason()).isEqualTo("INC-7: the DR lands next");
    }
}
