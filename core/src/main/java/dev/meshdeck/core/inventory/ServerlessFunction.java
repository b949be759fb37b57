package dev.meshdeck.core.inventory;

import java.util.List;
import java.util.Map;

/** One function of the inventory, whatever platform it runs on. */
public record ServerlessFunction(
        FunctionId id,
        List<TrafficShare> traffic,
        MeshStatus mesh,
        Health health,
        Map<String, String> labels) {

    public ServerlessFunction {
        traffic = List.copyOf(traffic);
        labels = Map.copyOf(labels);
    }

    public Platform platform() {
        return id.platform();
    }

    public String name() {
        return id.name();
    }

    public String namespace() {
        return id.namespace();
    }

    public SourceRef source() {
        return id.source();
    }

    /** True when traffic is split between two or more versions. */
    public boolean hasSplit() {
        return traffic.stream().filter(t -> t.percent() > 0).count() > 1;
    }
}
