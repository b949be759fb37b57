package dev.meshdeck.connectors.changes;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.connectors.history.AuditFile;
import dev.meshdeck.connectors.history.H2ChangeHistory;
import dev.meshdeck.connectors.kube.KubeGateway;
import dev.meshdeck.connectors.kube.Kubeconfigs;
import dev.meshdeck.core.changes.ApplyPipeline;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.ClusterGateway;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.ProductionGuard;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.yaml.YamlRenderer;
import dev.meshdeck.sandbox.kube.Estate;
import dev.meshdeck.sandbox.kube.KubeSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A fresh sandbox cluster with the default estate, a gateway to it and the three-object change set the
 * tests apply: the order-function canary to 50/50, its DestinationRule to ROUND_ROBIN, and a new
 * PeerAuthentication in serverless.
 */
final class SandboxCluster implements AutoCloseable {

    static final ResourceId VS = new ResourceId("networking.istio.io/v1", "VirtualService", "serverless", "order-function");
    static final ResourceId DR = new ResourceId("networking.istio.io/v1", "DestinationRule", "serverless", "order-function");
    static final ResourceId PA = new ResourceId("security.istio.io/v1", "PeerAuthentication", "serverless", "order-function-strict");
    static final List<ResourceId> TOUCHED = List.of(VS, DR, PA);

    final KubeSandbox kube;
    final KubeGateway gateway;

    SandboxCluster(Path dir) {
        kube = KubeSandbox.start(0);
        kube.seed(Estate.defaultEstate());
        Path kubeconfig = kube.writeKubeconfig(dir.resolve("kubeconfig"));
        // short enough that a stalled answer counts as no answer
        gateway = KubeGateway.connect(Kubeconfigs.load(List.of(kubeconfig)), null, Duration.ofSeconds(2));
    }

    ApplyPipeline pipeline(Path dataDir) {
        return pipeline(gateway, dataDir);
    }

    static ApplyPipeline pipeline(ClusterGateway gateway, Path dataDir) {
        return new ApplyPipeline(gateway, new H2ChangeHistory(dataDir), new AuditFile(dataDir), ProductionGuard.defaults());
    }

    ObjectNode live(ResourceId id) throws GatewayException {
        return gateway.read(id).orElseThrow();
    }

    /** The three changes against the objects as they are now. */
    ChangeSet threeChanges() throws GatewayException {
        ObjectNode vs = live(VS);
        ObjectNode vsAfter = vs.deepCopy();
        ((ObjectNode) vsAfter.at("/spec/http/0/route/0")).put("weight", 50);
        ((ObjectNode) vsAfter.at("/spec/http/0/route/1")).put("weight", 50);
        ObjectNode dr = live(DR);
        ObjectNode drAfter = dr.deepCopy();
        ((ObjectNode) drAfter.at("/spec/trafficPolicy/loadBalancer")).put("simple", "ROUND_ROBIN");
        ObjectNode pa = JsonNodeFactory.instance.objectNode().put("apiVersion", PA.apiVersion()).put("kind", PA.kind());
        pa.putObject("metadata").put("name", PA.name()).put("namespace", PA.namespace());
        ObjectNode spec = pa.putObject("spec");
        spec.putObject("selector").putObject("matchLabels").put("app", "order-function");
        spec.putObject("mtls").put("mode", "STRICT");
        return ChangeSet.of(new ResourceChange(VS, vs, vsAfter), new ResourceChange(DR, dr, drAfter),
                new ResourceChange(PA, null, pa));
    }

    /** What a reviewer sees of every touched object ("" for an absent one): equal means nothing changed. */
    String snapshot() throws GatewayException {
        StringBuilder s = new StringBuilder();
        for (ResourceId id : TOUCHED) {
            s.append("# ").append(id).append('\n')
                    .append(gateway.read(id).map(o -> YamlRenderer.render(YamlRenderer.forReview(o))).orElse(""));
        }
        return s.toString();
    }

    static String lines(List<?> items) {
        return items.stream().map(String::valueOf).collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        gateway.close();
        kube.close();
    }
}
