package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.TextTable;
import dev.meshdeck.core.workloads.Age;
import dev.meshdeck.core.workloads.FunctionEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "events",
        mixinStandardHelpOptions = true,
        description = {
            "The events of a function's objects and pods (its Deployments, Knative Service, OpenFaaS/Kubeless Function,",
            "the pods that run it), warnings first, then the newest: what `kubectl get events` says of the function."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (possibly none)", "1:the function was not found or its context cannot be read",
            "2:usage error"})
final class EventsCommand extends KubeFunctionCommand {

    @Override
    String render(Sources sources, ServerlessFunction fn, boolean json) throws Exception {
        List<FunctionEvent> events = sources.kube().eventsOf(fn.id());
        Instant now = Instant.now();
        if (json) {
            ArrayNode array = JSON.createArrayNode();
            for (FunctionEvent e : events) {
                ObjectNode o = array.addObject().put("type", e.warning() ? "Warning" : "Normal").put("reason", e.reason())
                        .put("object", e.object()).put("count", e.count()).put("message", e.message());
                e.lastSeen().ifPresent(t -> o.put("lastSeen", t.toString()));
            }
            return JSON.writeValueAsString(array) + "\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"LAST SEEN", "TYPE", "REASON", "OBJECT", "COUNT", "MESSAGE"});
        for (FunctionEvent e : events) {
            rows.add(new String[]{e.lastSeen().map(t -> Age.of(java.time.Duration.between(t, now))).orElse("-"),
                e.warning() ? "Warning" : "Normal", e.reason(), e.object(), String.valueOf(e.count()), e.message()});
        }
        return TextTable.render(rows);
    }
}
