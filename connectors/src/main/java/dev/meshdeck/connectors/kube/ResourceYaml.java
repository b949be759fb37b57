package dev.meshdeck.connectors.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.UncheckedIOException;

/**
 * YAML of an object as an SRE reads it with kubectl: no document marker, quotes only where YAML needs them,
 * and without the server's field-ownership bookkeeping (managedFields).
 */
final class ResourceYaml {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // "8080" or "true" as strings must stay strings when the YAML is applied back.
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());

    private static final ObjectMapper JSON = Serialization.jsonMapper();

    private ResourceYaml() {
    }

    /**
     * A detached generic copy of a (typed or generic) object, e.g. one from an informer's cache, which must not
     * be changed in place.
     */
    static GenericKubernetesResource genericCopy(HasMetadata object) {
        return JSON.convertValue(JSON.valueToTree(object), GenericKubernetesResource.class);
    }

    static String of(GenericKubernetesResource resource) {
        resource.getMetadata().setManagedFields(null);
        try {
            return YAML.writeValueAsString(resource);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write " + resource.getKind() + " " + resource.getMetadata().getName()
                    + " as YAML", e);
        }
    }
}
