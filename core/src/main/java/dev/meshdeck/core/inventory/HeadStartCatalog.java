package dev.meshdeck.core.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A catalog whose live discovery is started before anyone listens: the window starts listing its sources while
 * JavaFX and the window itself are still being built, and the events that arrive meanwhile are kept and handed,
 * in order, to the listener that comes later (a source's full list drops what was kept of its functions before it:
 * nothing it replaces is shown first). Lists are the slowest part of a start; they no longer wait for the window.
 */
public final class HeadStartCatalog implements FunctionCatalog {

    private final FunctionCatalog catalog;
    /** Events not yet handed on; null once a listener has them all. Guarded by {@code this}. */
    private List<InventoryEvent> pending = new ArrayList<>();
    private Consumer<InventoryEvent> listener;

    private HeadStartCatalog(FunctionCatalog catalog) {
        this.catalog = catalog;
    }

    /** Starts live discovery of {@code catalog} now. */
    public static HeadStartCatalog start(FunctionCatalog catalog) {
        HeadStartCatalog started = new HeadStartCatalog(catalog);
        catalog.start(started::arrived, true);
        return started;
    }

    private void arrived(InventoryEvent event) {
        Consumer<InventoryEvent> to;
        synchronized (this) {
            if (pending != null) {
                if (event instanceof InventoryEvent.SourceLoaded loaded) {
                    // it replaces what was kept of that source's functions (a large cluster's early rows)
                    pending.removeIf(e -> functionsOf(e, loaded.source()));
                }
                pending.add(event);
                return;
            }
            to = listener;
        }
        to.accept(event);
    }

    private static boolean functionsOf(InventoryEvent event, SourceRef source) {
        return (event instanceof InventoryEvent.SourceLoaded l && l.source().equals(source))
                || (event instanceof InventoryEvent.FunctionChanged c && c.function().source().equals(source))
                || (event instanceof InventoryEvent.FunctionRemoved r && r.id().source().equals(source));
    }

    @Override
    public List<SourceRef> sources() {
        return catalog.sources();
    }

    /**
     * Hands {@code to} what arrived so far, then every later event. Discovery is already live: {@code live} must be
     * true.
     */
    @Override
    public void start(Consumer<InventoryEvent> to, boolean live) {
        if (!live) {
            throw new IllegalArgumentException("a head-started catalog is live; it cannot list once");
        }
        synchronized (this) {
            if (listener != null) {
                throw new IllegalStateException("this catalog already has its listener");
            }
            listener = to;
        }
        // handed on outside the lock, in order: events arriving meanwhile queue behind them
        while (true) {
            List<InventoryEvent> batch;
            synchronized (this) {
                if (pending.isEmpty()) {
                    pending = null;
                    return;
                }
                batch = pending;
                pending = new ArrayList<>();
            }
            batch.forEach(to);
        }
    }

    @Override
    public List<MeshResource> resourcesOf(FunctionId id) {
        return catalog.resourcesOf(id);
    }

    @Override
    public List<MeshResource> meshEntriesOf(Set<String> hosts) {
        return catalog.meshEntriesOf(hosts);
    }

    @Override
    public void close() {
        catalog.close();
    }
}
