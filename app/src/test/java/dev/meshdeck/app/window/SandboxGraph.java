package dev.meshdeck.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.app.wiring.Sources;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.core.topology.PolicyFacts;
import dev.meshdeck.core.topology.TopologyModel;
import dev.meshdeck.core.topology.TopologyNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The topology model of a started sandbox, built as the window builds it: discovery events, Gateways, then policies. */
final class SandboxGraph {

    private SandboxGraph() {
    }

    static TopologyModel discover(Sources sources) throws InterruptedException {
        List<InventoryEvent> events = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch loaded = new CountDownLatch(sources.catalog().sources().size());
        sources.catalog().start(e -> {
            events.add(e);
            if (e instanceof InventoryEvent.SourceLoaded
                    || (e instanceof InventoryEvent.SourceChanged c && c.status().state() == SourceStatus.State.FAILED)) {
                loaded.countDown();
            }
        }, false);
        assertThat(loaded.await(60, TimeUnit.SECONDS)).isTrue();
        TopologyModel model = new TopologyModel();
        model.apply(List.copyOf(events));
        for (SourceRef source : sources.catalog().sources()) {
            model.applyGateways(source, sources.kube().gatewaysOf(source));
        }
        for (TopologyNode n : List.copyOf(model.nodes())) {
            if (n.function() != null && n.id().equals(TopologyModel.nodeId(n.function().id()))) {
                readPolicies(model, sources, n);
            }
        }
        return model;
    }

    /** Reads a function's mesh resources again (after a change) into the model. */
    static void readPolicies(TopologyModel model, Sources sources, TopologyNode function) {
        if (function.function().mesh().hasPolicies()) {
            model.applyPolicies(function.function().id(), PolicyFacts.read(sources.catalog().resourcesOf(function.function().id())));
        }
    }

    static TopologyNode function(TopologyModel model, String name) {
        return model.nodes().stream().filter(n -> n.function() != null && n.label().equals(name)).findFirst().orElseThrow();
    }
}
