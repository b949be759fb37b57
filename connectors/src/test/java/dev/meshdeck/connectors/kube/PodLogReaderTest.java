package dev.meshdeck.connectors.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.logs.LogLine;
import dev.meshdeck.core.logs.LogQuery;
import dev.meshdeck.core.logs.LogSource;
import dev.meshdeck.sandbox.Sandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A function's pod logs through fabric8 against the sandbox, read once and followed. */
class PodLogReaderTest {

    private static Sandbox sandbox;
    private static KubeCatalog catalog;
    private static FunctionId order;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start(0, 0, 0);
        catalog = new KubeCatalog(Kubeconfigs.load(List.of(sandbox.kubeconfig())));
        order = catalog.listOnce().functions().stream().filter(f -> f.name().equals("order-function"))
                .map(ServerlessFunction::id).findFirst().orElseThrow();
    }

    @AfterAll
    static void stop() {
        catalog.close();
        sandbox.close();
    }

    @Test
    void followingDeliversNewLinesOfEveryVersionInTimeOrderUntilClosed() {
        List<LogLine> seen = new CopyOnWriteArrayList<>();
        Instant opened = Instant.now();
        LogQuery query = new LogQuery(Optional.of(Duration.ofSeconds(5)), Optional.of("istio-proxy"), Optional.empty(),
                Optional.empty(), true, false);

        try (LogSource.LogFeed feed = catalog.open(order, query, seen::addAll)) {
            waitFor(Duration.ofSeconds(60), () -> seen.stream()
                    .filter(l -> l.time().isAfter(opened.plusSeconds(2))).map(LogLine::version).distinct().count() == 2);
        }
        int closedAt = seen.size();

        // history and live lines meet without a step back in time
        assertThat(seen).extracting(LogLine::time).isSorted();
        assertThat(seen).extracting(LogLine::container).containsOnly("istio-proxy");
        assertThat(seen).doesNotHaveDuplicates();
        sleep(Duration.ofSeconds(3));
        assertThat(seen).as("nothing arrives once closed").hasSize(closedAt);
    }

    private static void waitFor(Duration limit, BooleanSupplier condition) {
        Instant until = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited " + limit).isBefore(until);
            sleep(Duration.ofMillis(100));
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void theHistoryOfAllPodsComesMergedByTime() {
        List<LogLine> seen = new CopyOnWriteArrayList<>();

        catalog.open(order, LogQuery.recent(Duration.ofMinutes(1)), seen::addAll).close();

        assertThat(seen).hasSizeGreaterThan(50).extracting(LogLine::time).isSorted();
        assertThat(seen).extracting(LogLine::source).contains("order-function-v1-93664c216-jnxdg",
                "order-function-v1-93664c216-hf9rj", "order-function-v2-b2115d1b6-prskd");
        assertThat(seen).extracting(LogLine::container).containsOnly("function");
    }
}
