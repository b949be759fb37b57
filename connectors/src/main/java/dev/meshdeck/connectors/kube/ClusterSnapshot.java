package dev.meshdeck.connectors.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshdeck.core.validation.LiveEstate;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads the {@link LiveEstate} of a cluster: the live objects a validation refers to (Services, Pods, Secrets,
 * ConfigMaps, Istio and Knative resources, ...) and the
 * cluster's CRDs, read in parallel. Kinds the cluster does not serve are absent; kinds the identity may not
 * list are named in {@link LiveEstate#unreadable()}, so that references to them are not judged; a cluster that
 * does not answer at all is a {@link KubernetesClientException}.
 *
 * <p>Secrets are read because gateway checks look at certificate validity and env references at key names;
 * their content stays in memory and never reaches a finding, a log or an output.
 */
public final class ClusterSnapshot {

    private static final String[][] KINDS = {
        {"v1", "Namespace"}, {"v1", "Service"}, {"v1", "Pod"}, {"v1", "Secret"}, {"v1", "ConfigMap"}, {"v1", "ServiceAccount"},
        {"v1", "Node"}, {"apps/v1", "Deployment"},
        {"networking.istio.io/v1", "VirtualService"}, {"networking.istio.io/v1", "DestinationRule"},
        {"networking.istio.io/v1", "Gateway"}, {"networking.istio.io/v1", "ServiceEntry"},
        {"networking.istio.io/v1", "Sidecar"},
        {"security.istio.io/v1", "AuthorizationPolicy"}, {"security.istio.io/v1", "PeerAuthentication"},
        {"security.istio.io/v1", "RequestAuthentication"},
        {"serving.knative.dev/v1", "Service"}, {"serving.knative.dev/v1", "Revision"},
    };

    private ClusterSnapshot() {
    }

    public static LiveEstate read(KubernetesClient client) {
        ObjectMapper json = Serialization.jsonMapper();
        List<JsonNode> objects = Collections.synchronizedList(new ArrayList<>());
        List<String> unreadable = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "cluster-snapshot");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<Void>> reads = new ArrayList<>();
            for (String[] kind : KINDS) {
                reads.add(CompletableFuture.runAsync(() -> list(client, kind[0], kind[1], json, objects, unreadable), pool));
            }
            List<JsonNode> crds = new ArrayList<>();
            reads.add(CompletableFuture.runAsync(
                    () -> list(client, "apiextensions.k8s.io/v1", "CustomResourceDefinition", json, crds, unreadable), pool));
            CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).join();
            return new LiveEstate(objects, crds, unreadable);
        } catch (CompletionException e) {
            throw e.getCause() instanceof KubernetesClientException unanswered ? unanswered : e;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void list(KubernetesClient client, String apiVersion, String kind, ObjectMapper json,
            List<JsonNode> into, List<String> unreadable) {
        try {
            List<GenericKubernetesResource> items = client.genericKubernetesResources(apiVersion, kind)
                    .inAnyNamespace().list().getItems();
            for (GenericKubernetesResource item : items) {
                // list items come without apiVersion/kind on some servers; the rules need them
                item.setApiVersion(apiVersion);
                item.setKind(kind);
                into.add(json.valueToTree(item));
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return; // not served by this cluster: nothing of that kind exists
            }
            if (e.getCode() <= 0) {
                throw e; // no answer at all: the estate cannot be read, which is not the same as a kind withheld
            }
            unreadable.add(kind + " (" + apiVersion + ")" + (e.getCode() > 0 ? ": HTTP " + e.getCode() : ""));
        }
    }
}
