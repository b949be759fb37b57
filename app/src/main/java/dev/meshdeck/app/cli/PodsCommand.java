package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.TextTable;
import dev.meshdeck.core.workloads.FunctionPod;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "pods",
        mixinStandardHelpOptions = true,
        description = {
            "The pods that run a function, like `kubectl get pods -l ...` but found as MeshDeck finds the function:",
            "per version, each with readiness, restarts, why it last stopped, node, IP, age and sidecar version."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (possibly none)", "1:the function was not found or its context cannot be read",
            "2:usage error"})
final class PodsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Mixin
    FunctionOptions target = new FunctionOptions();

    @Mixin
    TableOrJson format = new TableOrJson();

    @Override
    public Integer call() throws Exception {
        boolean json = format.json();
        try (Sources resolved = Sources.resolve(sources, false, false, 0)) {
            ServerlessFunction fn = FunctionLookup.find(resolved, target.function, target.namespace);
            if (fn.platform() == Platform.LAMBDA) {
                spec.commandLine().getErr().println("meshdeck pods: " + fn.name() + " is a Lambda function: it has no pods");
                return 1;
            }
            List<FunctionPod> pods = new ArrayList<>(resolved.kube().podsOf(fn.id()));
            pods.sort(Comparator.comparing(FunctionPod::version).thenComparing(FunctionPod::name));
            Instant now = Instant.now();
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? JSON.writeValueAsString(json(pods, now)) + "\n" : table(pods, now));
            out.flush();
            return 0;
        }
    }

    private static String table(List<FunctionPod> pods, Instant now) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"NAME", "VERSION", "READY", "STATUS", "RESTARTS", "AGE", "NODE", "IP", "SIDECAR"});
        for (FunctionPod p : pods) {
            rows.add(new String[]{p.name(), p.version().isEmpty() ? "-" : p.version(),
                p.readyContainers() + "/" + p.containers(), p.reason().isEmpty() ? p.phase() : p.reason(),
                String.valueOf(p.restarts()), p.age(now).map(PodsCommand::age).orElse("-"),
                p.node().isEmpty() ? "-" : p.node(), p.ip().isEmpty() ? "-" : p.ip(), p.sidecarVersion().orElse("-")});
        }
        return TextTable.render(rows);
    }

    private static ArrayNode json(List<FunctionPod> pods, Instant now) {
        ArrayNode array = JSON.createArrayNode();
        for (FunctionPod p : pods) {
            ObjectNode o = array.addObject().put("namespace", p.namespace()).put("name", p.name())
                    .put("version", p.version()).put("phase", p.phase()).put("ready", p.ready())
                    .put("readyContainers", p.readyContainers()).put("containers", p.containers())
                    .put("restarts", p.restarts()).put("reason", p.reason()).put("node", p.node()).put("ip", p.ip());
            p.started().ifPresent(s -> o.put("started", s.toString()));
            p.age(now).ifPresent(a -> o.put("age", a.toString()));
            p.sidecarVersion().ifPresent(v -> o.put("sidecarVersion", v));
        }
        return array;
    }

    /** As kubectl writes an age: the largest unit or two, 45s, 12m, 3h20m, 5d. */
    private static String age(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + "s";
        } else if (s < 3600) {
            return s / 60 + "m";
        } else if (s < 86400) {
            return s / 3600 + "h" + (s % 3600 / 60 == 0 ? "" : s % 3600 / 60 + "m");
        }
        return s / 86400 + "d";
    }
}
