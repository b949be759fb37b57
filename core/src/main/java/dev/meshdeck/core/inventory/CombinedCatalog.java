package dev.meshdeck.core.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Several catalogs (kube contexts, AWS regions) seen as one; each function is answered by the catalog that owns its source. */
public final class CombinedCatalog implements FunctionCatalog {

    private final List<FunctionCatalog> parts;

    public CombinedCatalog(List<? extends FunctionCatalog> parts) {
        this.parts = List.copyOf(parts);
    }

    @Override
    public List<SourceRef> sources() {
        List<SourceRef> all = new ArrayList<>();
        parts.forEach(p -> all.addAll(p.sources()));
        return all;
    }

    @Override
    public void start(Consumer<InventoryEvent> listener, boolean live) {
        parts.forEach(p -> p.start(listener, live));
    }

    /** A Lambda function's resources include how the mesh calls it: the entries of its URL hosts in a cluster. */
    @Override
    public List<MeshResource> resourcesOf(FunctionId id) {
        for (FunctionCatalog part : parts) {
            if (part.sources().contains(id.source())) {
                List<MeshResource> own = part.resourcesOf(id);
                Set<String> hosts = LambdaUrlHosts.in(own);
                if (hosts.isEmpty()) {
                    return own;
                }
                List<MeshResource> all = new ArrayList<>(own);
                all.addAll(meshEntriesOf(hosts));
                return all;
            }
        }
        return List.of();
    }

    @Override
    public List<MeshResource> meshEntriesOf(Set<String> hosts) {
        for (FunctionCatalog part : parts) {
            List<MeshResource> entries = part.meshEntriesOf(hosts);
            if (!entries.isEmpty()) {
                return entries;
            }
        }
        return List.of();
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (FunctionCatalog part : parts) {
            try {
                part.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
