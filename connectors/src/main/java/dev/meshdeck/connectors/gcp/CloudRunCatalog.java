package dev.meshdeck.connectors.gcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.api.gax.rpc.ApiException;
import com.google.cloud.run.v2.ServiceName;
import dev.meshdeck.core.changes.ResourceId;
import dev.meshdeck.core.inventory.Platform;
import java.io.UncheckedIOException;
import com.google.cloud.run.v2.LocationName;
import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.Service;
import dev.meshdeck.core.inventory.FunctionCatalog;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.SourceStatus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Cloud Run services of every configured project and region, with their revisions. Cloud Run has no watch:
 * a live catalog lists again every 30 s, as Lambda's does.
 */
public final class CloudRunCatalog implements FunctionCatalog {

    private static final long POLL_SECONDS = 30;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final GcpSettings settings;
    private final CloudRunClients clients;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cloudrun-poll");
        t.setDaemon(true);
        return t;
    });

    public CloudRunCatalog(GcpSettings settings) {
        this.settings = settings;
        this.clients = new CloudRunClients(settings);
    }

    @Override
    public List<SourceRef> sources() {
        List<SourceRef> sources = new ArrayList<>();
        settings.projects().forEach(p -> settings.regions().forEach(r -> sources.add(new SourceRef.GcpRegion(p, r))));
        return sources;
    }

    @Override
    public void start(Consumer<InventoryEvent> listener, boolean live) {
        if (live) {
            poller.scheduleWithFixedDelay(() -> scanAll(listener), 0, POLL_SECONDS, TimeUnit.SECONDS);
        } else {
            poller.execute(() -> scanAll(listener));
        }
    }

    /** Lists every project and region once and returns what {@link #start} would report. Blocks. */
    public List<InventoryEvent> discover() {
        List<InventoryEvent> events = Collections.synchronizedList(new ArrayList<>());
        scanAll(events::add);
        return List.copyOf(events);
    }

    /**
     * The service's traffic in MeshDeck's {@code CloudRunService} form (what the slider and apply write).
     *
     * @throws IllegalStateException with Cloud Run's answer when the service cannot be read
     */
    @Override
    public List<MeshResource> resourcesOf(FunctionId id) {
        if (id.platform() != Platform.CLOUDRUN || !(id.source() instanceof SourceRef.GcpRegion source)) {
            return List.of();
        }
        try {
            Service service = clients.services().getService(ServiceName.of(source.project(), source.region(), id.name()));
            return List.of(new MeshResource(ResourceId.CLOUD_RUN_SERVICE_KIND, "", id.name(),
                    YAML.writeValueAsString(CloudRunServiceGateway.tree(service))));
        } catch (ApiException e) {
            throw new IllegalStateException(failure(source, e), e);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        clients.close();
    }

    private void scanAll(Consumer<InventoryEvent> listener) {
        for (SourceRef source : sources()) {
            scan((SourceRef.GcpRegion) source, listener);
        }
    }

    private void scan(SourceRef.GcpRegion source, Consumer<InventoryEvent> listener) {
        listener.accept(new InventoryEvent.SourceChanged(SourceStatus.connecting(source)));
        try {
            List<ServerlessFunction> functions = new ArrayList<>();
            for (Service service : clients.services().listServices(LocationName.of(source.project(), source.region()))
                    .iterateAll()) {
                List<Revision> revisions = new ArrayList<>();
                clients.revisions().listRevisions(service.getName()).iterateAll().forEach(revisions::add);
                functions.add(CloudRunFunctions.toFunction(source, service, revisions));
            }
            listener.accept(new InventoryEvent.SourceLoaded(source, functions));
            listener.accept(new InventoryEvent.SourceChanged(SourceStatus.connected(source,
                    functions.size() + " Cloud Run services")));
        } catch (ApiException e) {
            listener.accept(new InventoryEvent.SourceChanged(SourceStatus.failed(source, failure(source, e))));
        } catch (RuntimeException e) {
            // an escaping exception would silently end live polling
            listener.accept(new InventoryEvent.SourceChanged(SourceStatus.failed(source, "Cloud Run " + source.label()
                    + ": " + e.getMessage())));
        }
    }

    /** What the API said, with the canonical code (PERMISSION_DENIED, NOT_FOUND...) the user can act on. */
    static String failure(SourceRef.GcpRegion source, ApiException e) {
        return "Cloud Run " + source.label() + ": " + e.getStatusCode().getCode() + ": " + e.getMessage();
    }
}
