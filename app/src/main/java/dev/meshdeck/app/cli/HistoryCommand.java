package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.connectors.history.DataDirectory;
import dev.meshdeck.connectors.history.H2ChangeHistory;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.history.HistoryEntry;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "history",
        mixinStandardHelpOptions = true,
        description = {
            "The change sets MeshDeck applied, newest first: when, to which context or account, by whom, why, what",
            "and how it ended. With an ID, that change set's diff. Kept in MeshDeck's data directory ($MESHDECK_DATA_DIR,",
            "else $XDG_DATA_HOME/meshdeck or $HOME/.local/share/meshdeck); Secret values are never kept."
        })
final class HistoryCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "Show this change set with its diff.")
    Long id;

    @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "table|json", description = "Output format.")
    String output;

    @Override
    public Integer call() throws Exception {
        if (!output.equals("table") && !output.equals("json")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "unknown output format '" + output + "' (use table or json)");
        }
        H2ChangeHistory history = new H2ChangeHistory(DataDirectory.resolve());
        List<HistoryEntry> entries = id == null ? history.entries()
                : List.of(history.entry(id).orElseThrow(() -> new IllegalArgumentException("no change set " + id
                        + " in the history (see `meshdeck history`)")));
        PrintWriter out = spec.commandLine().getOut();
        if (output.equals("json")) {
            ArrayNode array = JSON.createArrayNode();
            entries.forEach(e -> array.add(json(e, id != null)));
            out.println(JSON.writeValueAsString(id == null ? array : array.get(0)));
        } else if (id != null) {
            HistoryEntry e = entries.get(0);
            out.println(row(e).replace("  ", " ").trim());
            out.println("reason: " + (e.reason().isEmpty() ? "-" : e.reason()));
            out.println("outcome: " + e.detail());
            out.print(e.changes().unifiedDiff());
        } else {
            out.println(String.format("%-5s %-20s %-9s %-11s %-28s %-34s %s", "ID", "TIME", "ACTION", "STATUS", "TARGET",
                    "IDENTITY", "CHANGES / REASON"));
            entries.forEach(e -> out.println(row(e)));
        }
        out.flush();
        return 0;
    }

    private static String row(HistoryEntry e) {
        String changes = e.changes().summary() + (e.reason().isEmpty() ? "" : " (" + e.reason() + ")");
        return String.format("%-5d %-20s %-9s %-11s %-28s %-34s %s", e.id(),
                e.started().toString().substring(0, 19).replace('T', ' '), lower(e.action().name()),
                lower(e.status().name()), e.target().label(), e.identity(),
                (e.forced() ? "FORCED " : "") + changes);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static ObjectNode json(HistoryEntry e, boolean withObjects) {
        ObjectNode o = JSON.createObjectNode().put("id", e.id()).put("started", e.started().toString())
                .put("finished", e.finished() == null ? null : e.finished().toString())
                .put("action", lower(e.action().name())).put("status", lower(e.status().name()))
                .put("identity", e.identity()).put("reason", e.reason())
                .put("subject", e.subject()).put("detail", e.detail()).put("forced", e.forced());
        e.target().fields().forEach(o.putObject("target")::put);
        if (e.forced()) {
            o.set("overridden", JSON.valueToTree(e.overridden()));
        }
        if (e.relatesTo() != null) {
            o.put("relatesTo", e.relatesTo());
        }
        ArrayNode changes = o.putArray("changes");
        for (int i = 0; i < e.changes().size(); i++) {
            ResourceChange c = e.changes().changes().get(i);
            ObjectNode change = changes.addObject().put("operation", lower(c.operation().name()))
                    .put("apiVersion", c.target().apiVersion()).put("kind", c.target().kind())
                    .put("namespace", c.target().namespace()).put("name", c.target().name())
                    .put("written", e.written().get(i));
            if (withObjects) {
                change.set("before", c.before());
                change.set("after", c.after());
            }
        }
        return o;
    }
}
