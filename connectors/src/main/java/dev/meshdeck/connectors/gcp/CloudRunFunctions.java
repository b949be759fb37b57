package dev.meshdeck.connectors.gcp;

import com.google.cloud.run.v2.Condition;
import com.google.cloud.run.v2.Revision;
import com.google.cloud.run.v2.Service;
import com.google.cloud.run.v2.TrafficTargetStatus;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TrafficShare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps a Cloud Run service and its revisions onto the core function model. */
final class CloudRunFunctions {

    private CloudRunFunctions() {
    }

    /**
     * One function per service; its versions are its revisions, each with the share Cloud Run reports it
     * serves ({@code trafficStatuses}, where "latest" is already resolved to a revision), the rest at 0%.
     */
    static ServerlessFunction toFunction(SourceRef.GcpRegion source, Service service, List<Revision> revisions) {
        String id = shortName(service.getName());
        FunctionId fid = new FunctionId(source, Platform.CLOUDRUN, "", id);
        return new ServerlessFunction(fid, traffic(service, revisions), MeshStatus.NOT_IN_MESH, health(service),
                service.getLabelsMap());
    }

    static List<TrafficShare> traffic(Service service, List<Revision> revisions) {
        Map<String, TrafficShare> shares = new LinkedHashMap<>();
        for (TrafficTargetStatus status : service.getTrafficStatusesList()) {
            String revision = status.getRevision().isEmpty() ? shortName(service.getLatestReadyRevision()) : status.getRevision();
            TrafficShare before = shares.get(revision);
            // a revision named twice (pinned and as latest) serves both shares
            shares.put(revision, new TrafficShare(revision, status.getPercent() + (before == null ? 0 : before.percent()),
                    before == null || before.tag().isEmpty() ? status.getTag() : before.tag()));
        }
        List<TrafficShare> out = new ArrayList<>(shares.values());
        for (Revision r : revisions) {
            String name = shortName(r.getName());
            if (!shares.containsKey(name)) {
                out.add(new TrafficShare(name, 0));
            }
        }
        return out;
    }

    static Health health(Service service) {
        Condition ready = service.getTerminalCondition();
        if (ready.getState() == Condition.State.STATE_UNSPECIFIED) {
            return Health.UNKNOWN;
        }
        return ready.getState() == Condition.State.CONDITION_SUCCEEDED ? new Health(1, 1, 0, "Ready")
                : new Health(0, 1, 0, ready.getState().name() + (ready.getMessage().isEmpty() ? "" : ": " + ready.getMessage()));
    }

    static String shortName(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
