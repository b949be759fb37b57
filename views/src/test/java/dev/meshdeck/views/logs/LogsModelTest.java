package dev.meshdeck.views.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.logs.LogLine;
import dev.meshdeck.core.logs.LogQuery;
import dev.meshdeck.core.logs.LogSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The Logs tab's state, headless: bounded, narrowed without reading again, re-read when the container changes. */
class LogsModelTest {

    private static final Instant T0 = Instant.parse("2026-12-08T03:00:00Z");

    /** A source that answers each open with the lines it is given and remembers the queries and open feeds. */
    private static final class FakeLogs implements LogSource {
        final List<LogQuery> queries = new ArrayList<>();
        final List<LogLine> lines = new ArrayList<>();
        int open;
        Consumer<List<LogLine>> live;

        @Override
        public boolean covers(FunctionId function) {
            return function.platform() != Platform.LAMBDA;
        }

        @Override
        public LogFeed open(FunctionId function, LogQuery query, Consumer<List<LogLine>> sink) {
            queries.add(query);
            sink.accept(List.copyOf(lines));
            live = sink;
            open++;
            return () -> open--;
        }
    }

    private final FakeLogs source = new FakeLogs();

    private static ServerlessFunction function(String name, Platform platform) {
        return new ServerlessFunction(new FunctionId(new SourceRef.KubeContext("dev", "dev", ""), platform,
                "serverless", name), List.of(), MeshStatus.NOT_IN_MESH, Health.UNKNOWN, Map.of());
    }

    private static LogLine line(int second, String pod, String version, String text) {
        return new LogLine(T0.plusSeconds(second), pod, version, "function", text);
    }

    private LogsModel model(int capacity) {
        return new LogsModel(source, Runnable::run, Runnable::run, capacity);
    }

    @Test
    void linesOfEveryVersionAreShownAndTheVersionsAndPodsOffered() {
        source.lines.addAll(List.of(line(1, "order-v1-a", "v1", "one"), line(2, "order-v2-b", "v2", "two")));
        LogsModel model = model(100);

        model.show(function("order-function", Platform.KUBERNETES));

        assertThat(model.lines()).extracting(LogLine::text).containsExactly("one", "two");
        assertThat(model.versions()).containsExactly(LogsModel.ALL, "v1", "v2");
        assertThat(model.pods()).containsExactly(LogsModel.ALL, "order-v1-a", "order-v2-b");
        assertThat(model.summaryProperty().get()).contains("2 lines", "2 pods", "following");
    }

    @Test
    void theBufferKeepsOnlyTheNewestLines() {
        LogsModel model = model(3);
        model.show(function("order-function", Platform.KUBERNETES));

        for (int i = 0; i < 5; i++) {
            source.live.accept(List.of(line(i, "order-v1-a", "v1", "line " + i)));
        }

        assertThat(model.lines()).extracting(LogLine::text).containsExactly("line 2", "line 3", "line 4");
    }

    @Test
    void versionPodAndFilterNarrowWithoutReadingAgain() {
        source.lines.addAll(List.of(line(1, "order-v1-a", "v1", "status=200"), line(2, "order-v2-b", "v2", "status=503"),
                line(3, "order-v2-c", "v2", "status=200")));
        LogsModel model = model(100);
        model.show(function("order-function", Platform.KUBERNETES));

        model.versionProperty().set("v2");
        assertThat(model.lines()).extracting(LogLine::source).containsExactly("order-v2-b", "order-v2-c");
        model.filterTextProperty().set("STATUS=200");
        assertThat(model.lines()).extracting(LogLine::source).containsExactly("order-v2-c");
        model.versionProperty().set(LogsModel.ALL);
        model.podProperty().set("order-v1-a");
        assertThat(model.lines()).extracting(LogLine::source).containsExactly("order-v1-a");
        assertThat(source.queries).hasSize(1);
    }

    @Test
    void aBadRegexIsReportedAndTheLastGoodFilterStays() {
        source.lines.addAll(List.of(line(1, "p", "v1", "status=200"), line(2, "p", "v1", "status=503")));
        LogsModel model = model(100);
        model.show(function("order-function", Platform.KUBERNETES));
        model.regexProperty().set(true);

        model.filterTextProperty().set("status=5\\d\\d");
        model.filterTextProperty().set("status=(");

        assertThat(model.filterErrorProperty().get()).contains("RE2");
        assertThat(model.lines()).extracting(LogLine::text).containsExactly("status=503");
    }

    @Test
    void choosingTheSidecarOrStoppingToFollowReadsAgainAndClosesTheOldFeed() {
        LogsModel model = model(100);
        model.show(function("order-function", Platform.KUBERNETES));

        model.containerProperty().set("istio-proxy");
        model.followProperty().set(false);

        assertThat(source.queries).extracting(q -> q.container().orElse("own"), LogQuery::follow)
                .containsExactly(tuple("own", true),
                        tuple("istio-proxy", true),
                        tuple("istio-proxy", false));
        assertThat(source.open).isEqualTo(1);
        model.stop();
        assertThat(source.open).isZero();
    }

    @Test
    void aFunctionWhoseLogsAreNotReadHereSaysSo() {
        LogsModel model = model(100);

        model.show(function("notify-email", Platform.LAMBDA));

        assertThat(source.queries).isEmpty();
        assertThat(model.summaryProperty().get()).contains("notify-email", "not read here");
    }
}
