package dev.meshdeck.sandbox.kube;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DryRunTest {

    private static KubeSandbox sandbox;
    private static KubernetesClient client;

    @BeforeAll
    static void start() {
        sandbox = KubeSandbox.start(0);
        client = sandbox.client();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static ConfigMap configMap(String name, String value) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace("default").endMetadata()
                .addToData("weight", value).build();
    }

    @Test
    void dryRunCreateAnswersWithTheObjectButStoresNothing() {
        ConfigMap answer = client.resource(configMap("preview-create", "90")).dryRun().create();

        assertThat(answer.getMetadata().getName()).isEqualTo("preview-create");
        assertThat(answer.getMetadata().getUid()).isNotBlank();
        assertThat(answer.getMetadata().getCreationTimestamp()).isNotBlank();
        assertThat(client.configMaps().inNamespace("default").withName("preview-create").get()).isNull();
    }

    @Test
    void dryRunCreateOfAnExistingObjectIsAlreadyExists() {
        client.resource(configMap("exists", "1")).create();

        assertThatThrownBy(() -> client.resource(configMap("exists", "2")).dryRun().create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getStatus().getReason()).isEqualTo("AlreadyExists");
                });
    }

    @Test
    void dryRunUpdatePatchAndDeleteLeaveTheStoredObjectAlone() {
        ConfigMap stored = client.resource(configMap("canary", "10")).create();
        String version = stored.getMetadata().getResourceVersion();

        ConfigMap replaced = client.resource(configMap("canary", "20")).dryRun().update();
        ConfigMap merged = client.configMaps().inNamespace("default").withName("canary").dryRun()
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"weight\":\"30\"}}");
        ConfigMap jsonPatched = client.configMaps().inNamespace("default").withName("canary").dryRun()
                .patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"replace\",\"path\":\"/data/weight\",\"value\":\"40\"}]");
        ConfigMap strategic = client.configMaps().inNamespace("default").withName("canary").dryRun()
                .patch(PatchContext.of(PatchType.STRATEGIC_MERGE), "{\"data\":{\"weight\":\"50\"}}");
        List<?> deleted = client.resource(stored).dryRun().delete();

        assertThat(replaced.getData()).containsEntry("weight", "20");
        assertThat(merged.getData()).containsEntry("weight", "30");
        assertThat(jsonPatched.getData()).containsEntry("weight", "40");
        assertThat(strategic.getData()).containsEntry("weight", "50");
        assertThat(deleted).hasSize(1);
        ConfigMap after = client.configMaps().inNamespace("default").withName("canary").get();
        assertThat(after.getData()).containsEntry("weight", "10");
        assertThat(after.getMetadata().getResourceVersion()).isEqualTo(version);
    }

    @Test
    void dryRunUpdateOfAMissingObjectIsNotFound() {
        assertThatThrownBy(() -> client.resource(configMap("missing", "1")).dryRun().update())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404));
    }

    @Test
    void watchersSeeNoEventForADryRun() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch realCreate = new CountDownLatch(1);
        try (Watch ignored = client.configMaps().inNamespace("default").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                events.add(action + " " + resource.getMetadata().getName());
                if (resource.getMetadata().getName().equals("watched-real")) {
                    realCreate.countDown();
                }
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        })) {
            client.resource(configMap("watched-dry", "1")).dryRun().create();
            client.resource(configMap("watched-real", "1")).create();
            // events arrive in order, so once the real create is seen the dry run would have been seen too
            assertThat(realCreate.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(events).contains("ADDED watched-real").noneMatch(e -> e.contains("watched-dry"));
    }

    @Test
    void staleResourceVersionIsAConflictAndChangesNothing() {
        ConfigMap stored = client.resource(configMap("contended", "1")).create();
        client.resource(configMap("contended", "2")).update();

        ConfigMap stale = configMap("contended", "3");
        stale.getMetadata().setResourceVersion(stored.getMetadata().getResourceVersion());
        assertThatThrownBy(() -> client.resource(stale).update())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getStatus().getReason()).isEqualTo("Conflict");
                });
        assertThatThrownBy(() -> client.configMaps().inNamespace("default").withName("contended")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"resourceVersion\":\""
                        + stored.getMetadata().getResourceVersion() + "\"},\"data\":{\"weight\":\"4\"}}"))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        assertThat(client.configMaps().inNamespace("default").withName("contended").get().getData())
                .containsEntry("weight", "2");
    }
}
