package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.core.changes.ChangeSet;
import dev.meshdeck.core.changes.ClusterGateway;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.changes.ResourceChange;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ValidationInput;
import java.io.IOException;
import java.nio.file.Path;
import dev.meshdeck.core.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The change set that files describe: each object in them replaces the live object of the same identity (or
 * creates it), like {@code kubectl apply} without pruning. Objects identical to the live ones are left out. An
 * object whose file carries a resourceVersion must still have it in the cluster.
 */
final class ChangeSetFiles {

    final List<Resource> resources;
    final List<Finding> syntaxFindings;

    private ChangeSetFiles(ValidationInput input) {
        this.resources = input.resources();
        this.syntaxFindings = input.syntaxFindings();
    }

    static ChangeSetFiles read(List<Path> paths) throws IOException {
        ValidationInput input = new ValidationInput();
        for (Path p : paths) {
            input.add(p);
        }
        return new ChangeSetFiles(input);
    }

    boolean hasLambdaAliases() {
        return resources.stream().anyMatch(r -> ResourceId.of(r.tree()).isLambda());
    }

    boolean hasKubernetesObjects() {
        return resources.stream().anyMatch(r -> !ResourceId.of(r.tree()).isLambda());
    }

    /** Reads each object's live state; the changes that change something, and the names of those that do not. */
    ChangeSet against(ClusterGateway gateway, List<String> unchanged) throws GatewayException {
        List<ResourceChange> changes = new ArrayList<>();
        Map<ResourceId, YamlDocument> sources = new HashMap<>();
        for (Resource r : resources) {
            ObjectNode after = ((ObjectNode) r.tree()).deepCopy();
            ResourceId id = ResourceId.of(after);
            ObjectNode live = gateway.read(id).orElse(null);
            String fileVersion = after.path("metadata").path("resourceVersion").asText("");
            // a file that names the version it was edited from is applied against that version: if the object
            // moved on since, that is a conflict, not a silent overwrite
            ObjectNode base = live != null && !fileVersion.isEmpty()
                    && !fileVersion.equals(live.path("metadata").path("resourceVersion").asText()) ? after : live;
            ResourceChange change = new ResourceChange(id, base, after);
            if (base != live || change.changesSomething()) {
                changes.add(change);
                r.document().ifPresent(d -> sources.put(id, d));
            } else {
                unchanged.add(id.toString());
            }
        }
        return new ChangeSet(changes, sources);
    }
}
