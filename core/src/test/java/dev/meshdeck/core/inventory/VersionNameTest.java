package dev.meshdeck.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One way to name a version, for the window and the CLI alike. */
class VersionNameTest {

    private static final SourceRef KUBE = new SourceRef.KubeContext("sandbox", "c", "https://127.0.0.1:6443");
    private static final SourceRef AWS = new SourceRef.AwsRegion("123456789012", "eu-west-1", null);

    @Test
    void aRevisionNamedAfterItsFunctionIsNamedByWhatTellsItApart() {
        assertThat(VersionName.of("image-resize", "image-resize-00002")).isEqualTo("00002");
        assertThat(VersionName.of("order-function", "v2")).isEqualTo("v2");
        assertThat(VersionName.of("image-resize", "image-resize-")).as("nothing would be left").isEqualTo("image-resize-");
    }

    @Test
    void aLambdaVersionNamesTheAliasRoutingToIt() {
        ServerlessFunction invoice = new ServerlessFunction(new FunctionId(AWS, Platform.LAMBDA, "", "invoice-pdf"),
                List.of(new TrafficShare("3", 90, "live"), new TrafficShare("4", 10, "live")), MeshStatus.NOT_IN_MESH,
                new Health(1, 1, 0, "Active"), Map.of());

        assertThat(VersionName.of(invoice, invoice.traffic().get(1))).isEqualTo("4 (live)");
        assertThat(VersionName.of("invoice-pdf", "$LATEST", "")).isEqualTo("$LATEST");
    }

    @Test
    void aKnativeTagIsNotAnAlias() {
        ServerlessFunction resize = new ServerlessFunction(new FunctionId(KUBE, Platform.KNATIVE, "serverless", "image-resize"),
                List.of(new TrafficShare("image-resize-00002", 10, "canary")), MeshStatus.NOT_IN_MESH,
                new Health(1, 1, 1, "Ready"), Map.of());

        assertThat(VersionName.of(resize, resize.traffic().get(0))).isEqualTo("00002");
    }
}
