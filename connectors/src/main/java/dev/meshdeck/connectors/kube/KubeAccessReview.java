package dev.meshdeck.connectors.kube;

import dev.meshdeck.core.access.AccessDecision;
import dev.meshdeck.core.access.AccessReview;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.ResourceId;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * Asks a cluster what the context's identity may do, through a SelfSubjectAccessReview per verb and object
 * (what {@code kubectl auth can-i} sends). When the cluster cannot be asked, the action stays enabled and the
 * decision says it was not checked: the write itself is refused with an explained 403 if RBAC says no.
 */
final class KubeAccessReview implements AccessReview {

    /** The plural of a kind, as the cluster's discovery names it ("virtualservices"). */
    @FunctionalInterface
    interface Plurals {
        String of(ResourceId id) throws GatewayException;
    }

    private final KubernetesClient client;
    private final Plurals plurals;

    KubeAccessReview(KubernetesClient client, Plurals plurals) {
        this.client = client;
        this.plurals = plurals;
    }

    @Override
    public AccessDecision review(ResourceId id, String verb) {
        try {
            SelfSubjectAccessReview asked = new SelfSubjectAccessReviewBuilder()
                    .withNewSpec().withNewResourceAttributes()
                    .withGroup(id.group()).withResource(plurals.of(id)).withVerb(verb)
                    .withNamespace(id.namespace().isEmpty() ? null : id.namespace()).withName(id.name())
                    .endResourceAttributes().endSpec()
                    .build();
            SubjectAccessReviewStatus status = client.authorization().v1().selfSubjectAccessReview().create(asked).getStatus();
            if (status == null || status.getAllowed() == null) {
                return new AccessDecision(id, verb, true, false, "the cluster gave no answer to an access review");
            }
            String reason = status.getReason() != null && !status.getReason().isBlank() ? status.getReason()
                    : status.getEvaluationError() != null ? status.getEvaluationError() : "";
            return new AccessDecision(id, verb, status.getAllowed(), true, reason);
        } catch (GatewayException | KubernetesClientException e) {
            return new AccessDecision(id, verb, true, false, "could not ask the cluster: " + e.getMessage());
        }
    }
}
