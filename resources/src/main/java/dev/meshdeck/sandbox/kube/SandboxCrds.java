package dev.meshdeck.sandbox.kube;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersionBuilder;

import java.util.List;

/**
 * The sandbox's own CustomResourceDefinitions, one per custom type in {@link ApiCatalog}. Creating them tells
 * the CRUD store each type's plural and scope; the schema accepts any field because the sandbox validates
 * nothing a real cluster's admission would.
 */
final class SandboxCrds {

    private SandboxCrds() {
    }

    static List<CustomResourceDefinition> all() {
        return ApiCatalog.customResources().stream().map(SandboxCrds::of).toList();
    }

    static CustomResourceDefinition of(ApiResourceType type) {
        CustomResourceDefinitionVersionBuilder version = new CustomResourceDefinitionVersionBuilder()
                .withName(type.version())
                .withServed(true)
                .withStorage(true)
                .withNewSchema()
                .withNewOpenAPIV3Schema()
                .withType("object")
                .withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema()
                .endSchema();
        if (type.statusSubresource()) {
            version.withNewSubresources().withNewStatus().endStatus().endSubresources();
        }
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName(type.crdName())
                .addToLabels("app.kubernetes.io/managed-by", "meshdeck-sandbox")
                .endMetadata()
                .withNewSpec()
                .withGroup(type.group())
                .withScope(type.namespaced() ? "Namespaced" : "Cluster")
                .withNewNames()
                .withKind(type.kind())
                .withListKind(type.kind() + "List")
                .withPlural(type.plural())
                .withSingular(type.singular())
                .withShortNames(type.shortNames())
                .endNames()
                .withVersions(version.build())
                .endSpec()
                .build();
    }
}
