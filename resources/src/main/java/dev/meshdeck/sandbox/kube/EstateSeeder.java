package dev.meshdeck.sandbox.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Creates an {@link Estate} through the Kubernetes API of any cluster the client points at (the sandbox, or
 * a kind cluster with the CRDs installed). Namespaces go first, the rest in parallel over a small pool.
 * Status is written through {@code /status} where the type has that subresource, as a controller would.
 */
public final class EstateSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(EstateSeeder.class);
    /** Enough to overlap round trips; more only contends on the sandbox's single store lock. */
    private static final int PARALLEL_REQUESTS = 4;

    private EstateSeeder() {
    }

    /** Creates the default estate (conventions.md). */
    public static void seedDefault(KubernetesClient client) {
        seed(client, Estate.defaultEstate());
    }

    /**
     * Creates {@code functions} synthetic functions through the API. Against the sandbox prefer
     * {@link KubeSandbox#preload(Estate)}: it stores 10,000 functions in seconds instead of minutes.
     *
     * @return the estate created
     */
    public static Estate seedSynthetic(KubernetesClient client, int functions) {
        Estate estate = Estate.synthetic(functions);
        seed(client, estate);
        return estate;
    }

    /** Creates every object of the estate; fails naming each object the API refused. */
    public static void seed(KubernetesClient client, Estate estate) {
        long started = System.nanoTime();
        List<HasMetadata> namespaces = estate.objects().stream().filter(Namespace.class::isInstance).toList();
        List<HasMetadata> rest = estate.objects().stream().filter(o -> !(o instanceof Namespace)).toList();
        namespaces.forEach(ns -> create(client, ns));
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_REQUESTS, r -> {
            Thread thread = new Thread(r, "estate-seeder");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> pending = new ArrayList<>();
            rest.forEach(object -> pending.add(pool.submit(() -> create(client, object))));
            List<String> failures = new ArrayList<>();
            for (Future<?> future : pending) {
                failures.addAll(failureOf(future));
            }
            if (!failures.isEmpty()) {
                throw new IllegalStateException("Seeding the estate failed for " + failures.size() + " of "
                        + estate.size() + " objects; first: " + failures.get(0));
            }
        } finally {
            pool.shutdownNow();
        }
        LOG.info("Seeded {} objects through {} in {} ms", estate.size(), client.getMasterUrl(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static List<String> failureOf(Future<?> future) {
        try {
            future.get();
            return List.of();
        } catch (ExecutionException e) {
            return List.of(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("interrupted");
        }
    }

    private static void create(KubernetesClient client, HasMetadata object) {
        try {
            client.resource(object).create();
            if (needsStatusWrite(object)) {
                client.resource(object).updateStatus();
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException(object.getKind() + " " + object.getMetadata().getNamespace() + "/"
                    + object.getMetadata().getName() + " (" + object.getApiVersion() + "): " + e.getMessage(), e);
        }
    }

    private static boolean needsStatusWrite(HasMetadata object) {
        return ApiCatalog.find(object.getApiVersion(), object.getKind())
                .filter(ApiResourceType::statusSubresource)
                .isPresent()
                && Serialization.jsonMapper().valueToTree(object).hasNonNull("status");
    }
}
