package dev.meshdeck.sandbox.kube;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A set of Kubernetes objects to put into a sandbox: the default estate (YAML under
 * {@code sandbox/estate/} on the classpath) or a synthetic one.
 *
 * @param objects in creation order: namespaces before what lives in them
 */
public record Estate(List<HasMetadata> objects) {

    /** Classpath folder of the default estate's YAML. */
    public static final String RESOURCE_FOLDER = "sandbox/estate/";

    /** The default estate's files, in creation order. */
    public static final List<String> DEFAULT_FILES = List.of(
            "namespaces.yaml", "istio-system.yaml", "serverless.yaml", "frontend.yaml", "backend.yaml",
            "payments.yaml", "monitoring.yaml");

    public Estate {
        objects = List.copyOf(objects);
    }

    /** The estate conventions.md describes: serverless, frontend, backend, payments and istio-system. */
    public static Estate defaultEstate() {
        KubernetesSerialization serialization = new KubernetesSerialization();
        List<HasMetadata> objects = new ArrayList<>();
        for (String file : DEFAULT_FILES) {
            objects.addAll(load(serialization, RESOURCE_FOLDER + file));
        }
        stampEvents(objects, Instant.now());
        return new Estate(objects);
    }

    /**
     * {@code functions} more functions over namespaces {@code synth-0000}, {@code synth-0001}, ...; the same
     * count always gives the same estate. See {@link SyntheticEstate}.
     */
    public static Estate synthetic(int functions) {
        return SyntheticEstate.generate(functions);
    }

    /** Events happen while the sandbox runs: each one's last time is its start, its first a minute per count before. */
    private static void stampEvents(List<HasMetadata> objects, Instant start) {
        for (HasMetadata o : objects) {
            if (o instanceof Event event && event.getLastTimestamp() == null) {
                int count = event.getCount() == null ? 1 : event.getCount();
                event.setLastTimestamp(start.truncatedTo(ChronoUnit.SECONDS).toString());
                event.setFirstTimestamp(start.minus(count, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
            }
        }
    }

    public int size() {
        return objects.size();
    }

    private static List<HasMetadata> load(KubernetesSerialization serialization, String resource) {
        InputStream stream = Estate.class.getClassLoader().getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("Estate file " + resource + " is missing from the classpath; "
                    + "rebuild meshdeck-resources or fix Estate.DEFAULT_FILES");
        }
        try (InputStream in = stream) {
            Object parsed = serialization.unmarshal(in);
            if (parsed instanceof KubernetesList list) {
                return list.getItems();
            }
            if (parsed instanceof Collection<?> documents) {
                return documents.stream().map(HasMetadata.class::cast).toList();
            }
            return List.of((HasMetadata) parsed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read estate file " + resource, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Estate file " + resource + " is not valid Kubernetes YAML: "
                    + e.getMessage(), e);
        }
    }
}
