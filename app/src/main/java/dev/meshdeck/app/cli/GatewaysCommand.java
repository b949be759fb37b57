package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.gateways.IngressGateway;
import dev.meshdeck.core.inventory.TextTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "gateways",
        mixinStandardHelpOptions = true,
        description = {
            "The Istio Gateways of every context: the ingress workloads each configures, its servers (port, protocol,",
            "hosts, TLS mode and the Secret named by credentialName) and the VirtualServices bound to it, which are",
            "what outside traffic reaches. `meshdeck export` writes the Gateways its VirtualServices are bound to."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (possibly none)", "1:a context cannot be read", "2:usage error"})
final class GatewaysCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SourceOptions sources = new SourceOptions();

    @Mixin
    TableOrJson format = new TableOrJson();

    @Override
    public Integer call() throws Exception {
        boolean json = format.json();
        try (Sources resolved = Sources.resolve(sources, false, false, 0)) {
            List<IngressGateway> gateways = resolved.kube().gateways();
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? json(gateways) : table(gateways));
            out.flush();
            return 0;
        }
    }

    private static String json(List<IngressGateway> gateways) throws Exception {
        ArrayNode array = KubeFunctionCommand.JSON.createArrayNode();
        for (IngressGateway g : gateways) {
            ObjectNode o = array.addObject().put("context", g.source().label()).put("namespace", g.namespace())
                    .put("name", g.name());
            ObjectNode selector = o.putObject("selector");
            g.selector().forEach(selector::put);
            ArrayNode workloads = o.putArray("workloads");
            g.workloads().forEach(w -> workloads.add(w.qualifiedName()));
            ArrayNode servers = o.putArray("servers");
            for (IngressGateway.Server s : g.servers()) {
                ObjectNode server = servers.addObject().put("port", s.port()).put("protocol", s.protocol())
                        .put("portName", s.portName());
                s.hosts().forEach(server.putArray("hosts")::add);
                s.tls().ifPresent(tls -> {
                    ObjectNode t = server.putObject("tls").put("mode", tls.mode().name());
                    tls.credentialName().ifPresent(c -> t.put("credentialName", c));
                });
            }
            g.virtualServices().forEach(o.putArray("virtualServices")::add);
        }
        return KubeFunctionCommand.JSON.writeValueAsString(array) + "\n";
    }

    /** One row per server; a Gateway without servers still has its row. */
    private static String table(List<IngressGateway> gateways) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"CONTEXT", "GATEWAY", "PORT", "PROTOCOL", "HOSTS", "TLS", "CREDENTIAL", "VIRTUALSERVICES"});
        for (IngressGateway g : gateways) {
            String bound = g.virtualServices().isEmpty() ? "-" : String.join(",", g.virtualServices());
            if (g.servers().isEmpty()) {
                rows.add(new String[]{g.source().label(), g.qualifiedName(), "-", "-", "-", "-", "-", bound});
            }
            for (IngressGateway.Server s : g.servers()) {
                rows.add(new String[]{g.source().label(), g.qualifiedName(), String.valueOf(s.port()), s.protocol(),
                    String.join(",", s.hosts()), s.tls().map(t -> t.mode().name()).orElse("-"),
                    s.tls().flatMap(IngressGateway.Tls::credentialName).orElse("-"), bound});
            }
        }
        return TextTable.render(rows);
    }
}
