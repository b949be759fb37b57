package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.core.telemetry.EdgeKey;
import dev.meshdeck.core.telemetry.ServiceRef;
import dev.meshdeck.core.telemetry.TrafficStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** traffic top names versions as the window does, with the Lambda aliases routing to them. */
class EdgeTableTest {

    private static final SourceRef AWS = new SourceRef.AwsRegion("123456789012", "eu-west-1", null);
    private static final ServiceRef THUMBNAIL = new ServiceRef(AWS.id(), "", "thumbnail-lambda");
    private static final ServiceRef RESIZE = new ServiceRef("kube:sandbox", "serverless", "image-resize");

    @Test
    void aVersionTwoAliasesRouteToNamesBothAndARevisionLosesItsFunctionsName() {
        EdgeTable.Aliases aliases = EdgeTable.Aliases.of(List.of(new ServerlessFunction(
                new FunctionId(AWS, Platform.LAMBDA, "", "thumbnail-lambda"),
                List.of(new TrafficShare("2", 97, "beta"), new TrafficShare("3", 3, "beta"), new TrafficShare("2", 100, "prod")),
                MeshStatus.NOT_IN_MESH, new Health(1, 1, 0, "Active"), Map.of())));
        TrafficStats stats = new TrafficStats(1, 0, 10);

        String table = EdgeTable.table(List.of(
                Map.entry(new EdgeKey(ServiceRef.UNKNOWN, THUMBNAIL, "2"), stats),
                Map.entry(new EdgeKey(ServiceRef.UNKNOWN, THUMBNAIL, "3"), stats),
                Map.entry(new EdgeKey(ServiceRef.UNKNOWN, RESIZE, "image-resize-00002"), stats)), aliases);

        assertThat(table).containsPattern("lambda/thumbnail-lambda\\s+2 \\(beta, prod\\)\\s")
                .containsPattern("lambda/thumbnail-lambda\\s+3 \\(beta\\)\\s")
                .containsPattern("serverless/image-resize\\s+00002\\s");
    }
}
