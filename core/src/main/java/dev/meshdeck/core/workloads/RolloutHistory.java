package dev.meshdeck.core.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A Deployment's revisions as {@code kubectl rollout history} lists them: one per ReplicaSet it owns, numbered by
 * the ReplicaSet's {@code deployment.kubernetes.io/revision} annotation, oldest first. Whoever changed the pod
 * template (MeshDeck, kubectl, CI), the change is here.
 *
 * @param namespace  the Deployment's namespace
 * @param deployment its name
 * @param revisions  oldest first; the current one is the one whose template the Deployment runs
 */
public record RolloutHistory(String namespace, String deployment, List<Revision> revisions) {

    public static final String REVISION = "deployment.kubernetes.io/revision";
    public static final String CHANGE_CAUSE = "kubernetes.io/change-cause";
    public static final String TEMPLATE_HASH = "pod-template-hash";

    public RolloutHistory {
        revisions = List.copyOf(revisions);
    }

    /**
     * One revision of the Deployment.
     *
     * @param number      {@code deployment.kubernetes.io/revision}
     * @param replicaSet  the ReplicaSet that runs it
     * @param changeCause {@code kubernetes.io/change-cause}, when whoever made it said why
     * @param images      its containers' images, in order
     * @param created     when its ReplicaSet was created
     * @param replicas    the pods its ReplicaSet runs now (0 for all but the current one once a rollout is done)
     * @param current     whether the Deployment runs this revision's template
     * @param template    its pod template, as {@code rollout undo} restores it (without {@code pod-template-hash})
     */
    public record Revision(long number, String replicaSet, Optional<String> changeCause, List<String> images,
                           Optional<Instant> created, int replicas, boolean current, ObjectNode template) {
        public Revision {
            images = List.copyOf(images);
        }
    }

    /**
     * The history of {@code deployment} from the ReplicaSets of its namespace: those it owns (by uid, else by
     * name) and that carry a revision number.
     */
    public static RolloutHistory of(JsonNode deployment, List<? extends JsonNode> replicaSets) {
        String uid = deployment.at("/metadata/uid").asText("");
        String name = deployment.at("/metadata/name").asText();
        long current = revisionOf(deployment);
        List<Revision> revisions = new ArrayList<>();
        for (JsonNode rs : replicaSets) {
            long number = revisionOf(rs);
            if (number > 0 && ownedBy(rs, uid, name)) {
                ObjectNode template = rs.at("/spec/template").isObject()
                        ? ((ObjectNode) rs.at("/spec/template")).deepCopy() : ((ObjectNode) deployment).objectNode();
                if (template.at("/metadata/labels").isObject()) {
                    ((ObjectNode) template.at("/metadata/labels")).remove(TEMPLATE_HASH);
                }
                List<String> images = new ArrayList<>();
                template.at("/spec/containers").forEach(c -> images.add(c.path("image").asText("")));
                String cause = rs.at("/metadata/annotations").path(CHANGE_CAUSE).asText("");
                revisions.add(new Revision(number, rs.at("/metadata/name").asText(),
                        cause.isEmpty() ? Optional.empty() : Optional.of(cause), images,
                        instant(rs.at("/metadata/creationTimestamp").asText(null)),
                        rs.at("/status/replicas").asInt(rs.at("/spec/replicas").asInt(0)), number == current, template));
            }
        }
        revisions.sort(Comparator.comparingLong(Revision::number));
        return new RolloutHistory(deployment.at("/metadata/namespace").asText(""), name, revisions);
    }

    public Optional<Revision> current() {
        return revisions.stream().filter(Revision::current).findFirst();
    }

    public Optional<Revision> revision(long number) {
        return revisions.stream().filter(r -> r.number() == number).findFirst();
    }

    /**
     * The revision {@code rollout undo} goes back to: {@code number}, or by default the newest one before the
     * current one.
     *
     * @throws IllegalArgumentException when there is no such revision, or it is the one running
     */
    public Revision undoTarget(Long number) {
        long running = current().map(Revision::number).orElse(Long.MAX_VALUE);
        if (number == null) {
            return revisions.stream().filter(r -> r.number() < running).reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalArgumentException("Deployment " + namespace + "/" + deployment
                            + " has no revision before " + (running == Long.MAX_VALUE ? "its current one" : running)
                            + " to go back to (revisions: " + numbers() + ")"));
        }
        Revision target = revision(number).orElseThrow(() -> new IllegalArgumentException("Deployment " + namespace
                + "/" + deployment + " has no revision " + number + " (revisions: " + numbers() + ")"));
        if (target.current()) {
            throw new IllegalArgumentException("Deployment " + namespace + "/" + deployment
                    + " already runs revision " + number + "; nothing to undo");
        }
        return target;
    }

    private String numbers() {
        return revisions.isEmpty() ? "none"
                : String.join(", ", revisions.stream().map(r -> String.valueOf(r.number())).toList());
    }

    private static boolean ownedBy(JsonNode rs, String uid, String name) {
        for (JsonNode owner : rs.at("/metadata/ownerReferences")) {
            if ("Deployment".equals(owner.path("kind").asText())
                    && (uid.isEmpty() ? name.equals(owner.path("name").asText()) : uid.equals(owner.path("uid").asText()))) {
                return true;
            }
        }
        return false;
    }

    private static long revisionOf(JsonNode object) {
        try {
            return Long.parseLong(object.at("/metadata/annotations").path(REVISION).asText("0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<Instant> instant(String timestamp) {
        try {
            return timestamp == null ? Optional.empty() : Optional.of(Instant.parse(timestamp));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
