package dev.meshdeck.core.inventory;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A catalog whose sources can be exchanged while the window runs: the Lambda part, rebuilt when another AWS profile
 * or other regions are chosen. A switch removes the sources the new catalog does not scan
 * ({@link InventoryEvent.SourceRemoved}), closes the old catalog and starts the new one with the listener and mode of {@link #start}; events an old catalog still
 * sends afterwards are dropped, so a scan in flight cannot bring back a source that was switched away.
 */
public final class SwitchableCatalog implements FunctionCatalog {

    private final ExecutorService switches = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "meshdeck-catalog-switch");
        thread.setDaemon(true);
        return thread;
    });
    /** Null while nothing is scanned (no AWS configuration yet). */
    private volatile FunctionCatalog current;
    private Consumer<InventoryEvent> listener;
    private boolean live;

    /** @param initial the catalog to start with, or null for none */
    public SwitchableCatalog(FunctionCatalog initial) {
        this.current = initial;
    }

    @Override
    public List<SourceRef> sources() {
        FunctionCatalog now = current;
        return now == null ? List.of() : now.sources();
    }

    @Override
    public synchronized void start(Consumer<InventoryEvent> listener, boolean live) {
        this.listener = listener;
        this.live = live;
        if (current != null) {
            startCurrent();
        }
    }

    /**
     * Replaces the catalog by the one {@code next} builds, off the caller's thread (building may read files and
     * connecting takes time); switches run one after the other. Sources of both stay (their functions are replaced
     * when the new catalog reports them). When {@code next} fails, its message is reported as a
     * {@link InventoryEvent.Problem} and the current catalog carries on.
     */
    public void switchTo(Supplier<? extends FunctionCatalog> next) {
        switches.execute(() -> replace(next));
    }

    private synchronized void replace(Supplier<? extends FunctionCatalog> next) {
        FunctionCatalog built;
        try {
            built = next.get();
        } catch (RuntimeException e) {
            emit(new InventoryEvent.Problem(String.valueOf(e.getMessage())));
            return;
        }
        FunctionCatalog old = current;
        current = null;
        List<SourceRef> before = old == null ? List.of() : old.sources();
        List<SourceRef> after = built.sources();
        // a region scanned before and after stays: its functions are replaced in place when the new scan lands
        before.stream().filter(s -> !after.contains(s)).forEach(s -> emit(new InventoryEvent.SourceRemoved(s)));
        if (old != null) {
            old.close();
        }
        current = built;
        if (listener != null) {
            after.stream().filter(s -> !before.contains(s))
                    .forEach(s -> emit(new InventoryEvent.SourceChanged(SourceStatus.connecting(s))));
            startCurrent();
        }
    }

    private void startCurrent() {
        FunctionCatalog mine = current;
        mine.start(event -> forward(mine, event), live);
    }

    /** Under the switch's lock: an event checked as current cannot arrive after its source was removed. */
    private synchronized void forward(FunctionCatalog from, InventoryEvent event) {
        if (current == from) {
            listener.accept(event);
        }
    }

    private void emit(InventoryEvent event) {
        if (listener != null) {
            listener.accept(event);
        }
    }

    @Override
    public List<MeshResource> resourcesOf(FunctionId id) {
        FunctionCatalog now = current;
        return now == null ? List.of() : now.resourcesOf(id);
    }

    @Override
    public void close() {
        switches.shutdownNow();
        synchronized (this) {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
