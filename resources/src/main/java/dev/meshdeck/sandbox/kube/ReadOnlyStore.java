package dev.meshdeck.sandbox.kube;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudPersistence;
import io.fabric8.mockwebserver.crud.AttributeSet;

import java.util.Map;

/**
 * A view of the CRUD store that reads like the real one but never writes and never notifies watchers. The
 * mock's own create/update/patch handlers run against it to compute a dry run's answer exactly as a real
 * request would, including AlreadyExists, NotFound and resourceVersion conflicts.
 */
final class ReadOnlyStore implements KubernetesCrudPersistence {

    private final KubernetesCrudPersistence store;

    ReadOnlyStore(KubernetesCrudPersistence store) {
        this.store = store;
    }

    /** Dry runs must not consume resource versions; the caller fixes the version in the answer. */
    @Override
    public long requestResourceVersion() {
        return 0;
    }

    @Override
    public AttributeSet getKey(String path) {
        return store.getKey(path);
    }

    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
        return store.findResource(attributes);
    }

    @Override
    public boolean isStatusSubresourceEnabledForResource(String path) {
        return store.isStatusSubresourceEnabledForResource(path);
    }

    @Override
    public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
                             GenericKubernetesResource resource, String newState) {
        // the one thing a dry run must not do: store the change or tell watchers about it
    }

    @Override
    public void reset() {
        throw new UnsupportedOperationException("a dry-run view cannot reset the sandbox store");
    }
}
