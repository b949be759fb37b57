package dev.meshdeck.core.changes;

import dev.meshdeck.core.editing.Draft;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.SourceRef;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Drafts of the editor applied together: each object from as it was loaded to the candidate. */
public record DraftChanges(List<Draft> drafts) {

    public DraftChanges {
        drafts = List.copyOf(drafts);
    }

    /** One change per draft: an update from the loaded object (its resourceVersion the precondition), or a creation. */
    public ChangeSet changeSet() {
        return new ChangeSet(drafts.stream().map(d -> ResourceChange.of(d.live(), d.candidate())).toList());
    }

    /** Where the drafts are written. */
    public Set<SourceRef> sources() {
        Set<SourceRef> sources = new LinkedHashSet<>();
        drafts.forEach(d -> sources.add(d.function().source()));
        return sources;
    }

    public Set<FunctionId> functions() {
        Set<FunctionId> functions = new LinkedHashSet<>();
        drafts.forEach(d -> functions.add(d.function()));
        return functions;
    }

    public boolean isEmpty() {
        return drafts.isEmpty();
    }
}
