package dev.meshdeck.sandbox.kube;

import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.client.IstioClient;
import io.fabric8.knative.client.KnativeClient;
import io.fabric8.knative.serving.v1.ServiceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class InformerTest {

    @Test
    void informerSeesAnEditMadeByAnotherClient(@TempDir Path dir) throws Exception {
        try (KubeSandbox sandbox = KubeSandbox.start(0)) {
            sandbox.seed(Estate.defaultEstate());
            CompletableFuture<Integer> canaryWeight = new CompletableFuture<>();
            SharedIndexInformer<VirtualService> informer = sandbox.client().adapt(IstioClient.class).v1()
                    .virtualServices().inNamespace("serverless").inform(new ResourceEventHandler<>() {
                        @Override
                        public void onAdd(VirtualService vs) {
                        }

                        @Override
                        public void onUpdate(VirtualService before, VirtualService after) {
                            canaryWeight.complete(after.getSpec().getHttp().get(0).getRoute().get(1).getWeight());
                        }

                        @Override
                        public void onDelete(VirtualService vs, boolean unknownFinalState) {
                        }
                    });
            Config kubeconfig = Config.fromKubeconfig(Files.readString(sandbox.writeKubeconfig(dir.resolve("config"))));
            try (KubernetesClient other = new KubernetesClientBuilder().withConfig(kubeconfig).build()) {
                other.adapt(IstioClient.class).v1().virtualServices().inNamespace("serverless")
                        .withName("order-function").edit(vs -> {
                            vs.getSpec().getHttp().get(0).getRoute().get(0).setWeight(50);
                            vs.getSpec().getHttp().get(0).getRoute().get(1).setWeight(50);
                            return vs;
                        });
            }

            assertThat(canaryWeight.get(30, TimeUnit.SECONDS)).isEqualTo(50);
            informer.close();
        }
    }

    @Test
    void coreInformerSeesNewPodsButNotSameNamedCustomResources() throws Exception {
        try (KubeSandbox sandbox = KubeSandbox.start(0)) {
            CompletableFuture<String> added = new CompletableFuture<>();
            SharedIndexInformer<io.fabric8.kubernetes.api.model.Service> informer = sandbox.client().services()
                    .inNamespace("default").inform(new ResourceEventHandler<>() {
                        @Override
                        public void onAdd(io.fabric8.kubernetes.api.model.Service service) {
                            added.complete(service.getApiVersion() + " " + service.getMetadata().getName());
                        }

                        @Override
                        public void onUpdate(io.fabric8.kubernetes.api.model.Service before,
                                             io.fabric8.kubernetes.api.model.Service after) {
                        }

                        @Override
                        public void onDelete(io.fabric8.kubernetes.api.model.Service service, boolean unknown) {
                        }
                    });
            sandbox.client().adapt(KnativeClient.class).services().inNamespace("default").resource(
                    new ServiceBuilder().withNewMetadata().withName("greeter").endMetadata().build()).create();
            sandbox.client().services().inNamespace("default").resource(
                    new io.fabric8.kubernetes.api.model.ServiceBuilder().withNewMetadata().withName("greeter")
                            .endMetadata().build()).create();

            assertThat(added.get(30, TimeUnit.SECONDS)).isEqualTo("v1 greeter");
            assertThat(informer.getStore().list()).hasSize(1);
            informer.close();
        }
    }
}
