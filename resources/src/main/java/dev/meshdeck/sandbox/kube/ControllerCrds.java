package dev.meshdeck.sandbox.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CRDs Flagger and Argo Rollouts install, shipped unmodified (sandbox/crds/NOTICE), so that exports for those
 * controllers are judged by their real schemas, as on a cluster that runs them. They hold 1.3 MB of schema the
 * sandbox's own work never needs: a file is read and its CRDs stored the first time a client asks for one of them by
 * name (as `canary export` does), never at start, so a start and the estate an apply reads stay as small as before.
 */
final class ControllerCrds {

    private static final String BY_NAME = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/";
    private static final String FLAGGER = "sandbox/crds/flagger-crd.yaml";
    private static final Map<String, String> FILES = Map.of(
            "canaries.flagger.app", FLAGGER,
            "metrictemplates.flagger.app", FLAGGER,
            "alertproviders.flagger.app", FLAGGER,
            "rollouts.argoproj.io", "sandbox/crds/argo-rollout-crd.yaml",
            "analysistemplates.argoproj.io", "sandbox/crds/argo-analysis-template-crd.yaml");

    private final Set<String> installed = ConcurrentHashMap.newKeySet();

    /** The file whose CRDs must be stored before {@code path} (a GET) is answered, if it names one not stored yet. */
    Optional<String> pending(String path) {
        if (!path.startsWith(BY_NAME)) {
            return Optional.empty();
        }
        String file = FILES.get(path.substring(BY_NAME.length()));
        return file == null || installed.contains(file) ? Optional.empty() : Optional.of(file);
    }

    /** Stores the CRDs of {@code file} once through {@code store}, however many requests ask at the same time. */
    synchronized void install(String file, java.util.function.Consumer<List<? extends HasMetadata>> store) {
        if (installed.add(file)) {
            store.accept(load(file));
        }
    }

    /** Every CRD of a shipped file, as its controller's install applies them. */
    static List<CustomResourceDefinition> load(String file) {
        try (InputStream in = ControllerCrds.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("the sandbox's " + file + " is missing from the build");
            }
            List<CustomResourceDefinition> crds = new ArrayList<>();
            for (String document : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("(?m)^---\\s*$")) {
                if (document.contains("kind: CustomResourceDefinition")) {
                    crds.add(Serialization.unmarshal(document, CustomResourceDefinition.class));
                }
            }
            return crds;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox's " + file, e);
        }
    }
}
