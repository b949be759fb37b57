package dev.meshdeck.connectors.changes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.connectors.kube.KubeCatalog;
import dev.meshdeck.connectors.kube.Kubeconfigs;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.workloads.FunctionPod;
import dev.meshdeck.core.workloads.PodDetails;
import dev.meshdeck.core.workloads.ServiceEndpoints;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** recommendation's crash-looping pod as the Pods tab reads it: held back by its Service, and why its container stops. */
class PodDetailsOnSandboxTest {

    private static final String CRASHING = "recommendation-d0c18034a-nz9js";

    @TempDir
    Path dir;
    SandboxCluster cluster;
    KubeCatalog catalog;

    @BeforeEach
    void start() {
        cluster = new SandboxCluster(dir);
        catalog = new KubeCatalog(Kubeconfigs.load(List.of(dir.resolve("kubeconfig"))));
    }

    @AfterEach
    void stop() {
        catalog.close();
        cluster.close();
    }

    private ServerlessFunction recommendation() throws Exception {
        return catalog.listOnce().functions().stream().filter(f -> f.name().equals("recommendation")).findFirst().orElseThrow();
    }

    @Test
    void theCrashLoopingPodIsANotReadyAddressAndTheOthersAreReady() throws Exception {
        List<ServiceEndpoints> endpoints = catalog.endpointsOf(recommendation().id());

        assertThat(endpoints).extracting(ServiceEndpoints::service).containsExactly("recommendation");
        assertThat(endpoints.get(0).notReady()).extracting(ServiceEndpoints.Address::pod).containsExactly(CRASHING);
        assertThat(endpoints.get(0).notReady().get(0).ports()).containsExactly(8080);
        assertThat(endpoints.get(0).ready()).isNotEmpty().extracting(ServiceEndpoints.Address::pod).doesNotContain(CRASHING);
    }

    @Test
    void theCrashLoopingPodsDetailsSayWhyItsContainerStops() throws Exception {
        FunctionPod pod = catalog.podsOf(recommendation().id()).stream().filter(p -> p.name().equals(CRASHING))
                .findFirst().orElseThrow();

        PodDetails details = pod.details();
        assertThat(details.labels()).containsEntry("faas_function", "recommendation");
        assertThat(details.conditions()).contains(new PodDetails.Condition("Ready", "False", ""));
        assertThat(details.containers()).containsExactly(
                new PodDetails.Container("function", "ghcr.io/meshdeck/recommendation:0.7.1", "Waiting", "CrashLoopBackOff",
                        Optional.empty(), Optional.of(new PodDetails.Termination("Error", 1)), 14, false),
                new PodDetails.Container("istio-proxy", "docker.io/istio/proxyv2:1.24.2", "Running", "", Optional.empty(),
                        Optional.empty(), 0, true));
    }
}
