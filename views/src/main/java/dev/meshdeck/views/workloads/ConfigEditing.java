package dev.meshdeck.views.workloads;

import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.failover.ConfigChanges;
import dev.meshdeck.core.failover.ProvisionedConcurrency;
import dev.meshdeck.core.failover.Rollouts;
import dev.meshdeck.core.failover.Scaling;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.workloads.ConfigKey;
import dev.meshdeck.views.failover.IncidentControls;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Config and Scale tabs' edits as change sets, built from the function's objects as read when the person
 * confirms and reviewed like the incident actions (diff, gate, confirm, history).
 */
public final class ConfigEditing implements ConfigModel.Editor, ScaleModel.Editor {

    private final IncidentControls actions;

    public ConfigEditing(IncidentControls actions) {
        this.actions = actions;
    }

    @Override
    public void env(ServerlessFunction function, ConfigEdit.Env variable, Optional<String> value) {
        actions.change((live, pipeline) -> ConfigChanges.setEnv(live, variable.workload(), variable.container(),
                value.map(v -> Map.of(variable.name(), v)).orElse(Map.of()),
                value.isPresent() ? List.of() : List.of(variable.name()), null));
    }

    @Override
    public void data(ServerlessFunction function, ConfigKey key, String value, boolean restart) {
        actions.change((live, pipeline) -> {
            try {
                ConfigChanges.ConfigMapReaders read = ConfigChanges.read(pipeline.gateway(), key.namespace(), key.name());
                return ConfigChanges.setData(read.configMap(), Map.of(key.key(), value), List.of(),
                        restart ? read.readers() : List.of(), Instant.now(), null);
            } catch (GatewayException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    @Override
    public void resources(ServerlessFunction function, String workload, String container, Map<String, String> requests,
                          Map<String, String> limits) {
        actions.change((live, pipeline) -> Scaling.resources(live, workload, container, requests, limits, null));
    }

    @Override
    public void autoscaler(ServerlessFunction function, String workload, String autoscaler, Integer min, int max,
                           Integer cpuPercent) {
        actions.change((live, pipeline) -> {
            try {
                return Scaling.autoscaler(live, workload, autoscaler, pipeline.gateway(), min, max, cpuPercent, null);
            } catch (GatewayException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    @Override
    public void provisioned(ServerlessFunction function, String qualifier, int count) {
        actions.change((live, pipeline) -> {
            try {
                return ProvisionedConcurrency.set(pipeline.gateway(), function.name(), qualifier, count, null)
                        .orElseThrow(() -> new IllegalStateException(function.name() + ":" + qualifier
                                + " has no provisioned concurrency: nothing to remove"));
            } catch (GatewayException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    @Override
    public void knative(ServerlessFunction function, Integer min, Integer max, Integer target) {
        actions.change((live, pipeline) -> Rollouts.knativeScale(live, min, max, target, null));
    }
}
