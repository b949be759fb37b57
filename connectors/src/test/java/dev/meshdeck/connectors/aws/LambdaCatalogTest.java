package dev.meshdeck.connectors.aws;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Health;
import dev.meshdeck.core.inventory.Inventory;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.MeshStatus;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.core.inventory.TrafficShare;
import dev.meshdeck.sandbox.lambda.LambdaControlPlane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Discovery against the embedded Lambda control plane, through the real SDK. */
class LambdaCatalogTest {

    private static final SourceRef.AwsRegion EU_WEST_1 = new SourceRef.AwsRegion("123456789012", "eu-west-1", null);

    private LambdaControlPlane plane;

    @BeforeEach
    void startSandbox() {
        plane = LambdaControlPlane.start().seedDefault();
    }

    @AfterEach
    void stopSandbox() {
        plane.close();
    }

    private List<InventoryEvent> discover(AwsSettings settings) {
        try (LambdaCatalog catalog = new LambdaCatalog(settings)) {
            return catalog.discover();
        }
    }

    private static Map<String, ServerlessFunction> loaded(List<InventoryEvent> events, SourceRef source) {
        return events.stream().filter(InventoryEvent.SourceLoaded.class::isInstance)
                .map(InventoryEvent.SourceLoaded.class::cast)
                .filter(e -> e.source().equals(source))
                .flatMap(e -> e.functions().stream())
                .collect(Collectors.toMap(ServerlessFunction::name, Function.identity()));
    }

    private static List<SourceStatus> statuses(List<InventoryEvent> events) {
        return events.stream().filter(InventoryEvent.SourceChanged.class::isInstance)
                .map(e -> ((InventoryEvent.SourceChanged) e).status()).toList();
    }

    @Test
    void seededFunctionsAreDiscoveredFieldByField() {
        List<InventoryEvent> events = discover(AwsSettings.sandbox(plane.endpoint(), List.of("eu-west-1")));

        Map<String, ServerlessFunction> functions = loaded(events, EU_WEST_1);
        assertThat(functions).containsOnlyKeys("invoice-pdf", "thumbnail-lambda", "notify-email", "report-export");

        ServerlessFunction invoice = functions.get("invoice-pdf");
        assertThat(invoice.id()).isEqualTo(new FunctionId(EU_WEST_1, Platform.LAMBDA, "", "invoice-pdf"));
        assertThat(invoice.traffic()).containsExactly(new TrafficShare("3", 90, "live"), new TrafficShare("4", 10, "live"));
        assertThat(invoice.hasSplit()).isTrue();
        assertThat(invoice.health()).isEqualTo(new Health(1, 1, 0, "Active"));
        assertThat(invoice.mesh()).isEqualTo(MeshStatus.NOT_IN_MESH);
        assertThat(invoice.labels()).isEmpty();

        assertThat(functions.get("thumbnail-lambda").traffic())
                .containsExactly(new TrafficShare("2", 75, "beta"), new TrafficShare("3", 25, "beta"));
        assertThat(functions.get("notify-email").traffic()).containsExactly(new TrafficShare("2", 100, "live"));
        assertThat(functions.get("report-export").traffic()).containsExactly(new TrafficShare("$LATEST", 100));
        assertThat(functions.get("report-export").health().level()).isEqualTo(Health.Level.DOWN);

        assertThat(statuses(events)).extracting(SourceStatus::state)
                .containsExactly(SourceStatus.State.CONNECTING, SourceStatus.State.CONNECTING, SourceStatus.State.CONNECTED);
        assertThat(statuses(events).get(2).message()).isEqualTo("4 Lambda functions");
    }

    @Test
    void everyRegionIsASourceOfItsOwn() {
        List<InventoryEvent> events = discover(AwsSettings.sandbox(plane.endpoint(), List.of("eu-west-1", "us-east-1")));

        SourceRef.AwsRegion usEast1 = new SourceRef.AwsRegion("123456789012", "us-east-1", null);
        assertThat(loaded(events, EU_WEST_1)).hasSize(4);
        assertThat(events).contains(new InventoryEvent.SourceLoaded(usEast1, List.of()));
        assertThat(statuses(events)).filteredOn(s -> s.state() == SourceStatus.State.CONNECTED)
                .extracting(SourceStatus::source).containsExactlyInAnyOrder(EU_WEST_1, usEast1);
    }

    @Test
    void eachRegionReportsItsProgressBeforeItsFunctions() {
        plane.seedSynthetic(60);

        List<InventoryEvent> events = discover(AwsSettings.sandbox(plane.endpoint(), List.of("eu-west-1", "us-east-1")));

        List<InventoryEvent> euWest1 = events.stream().filter(e -> e instanceof InventoryEvent.SourceLoaded l
                ? l.source().equals(EU_WEST_1)
                : ((InventoryEvent.SourceChanged) e).status().source().equals(EU_WEST_1)).toList();
        assertThat(euWest1).extracting(e -> e instanceof InventoryEvent.SourceChanged c
                        ? c.status().state() + " " + c.status().message() : "loaded")
                .containsExactly("CONNECTING connecting",
                        "CONNECTING reading aliases of 64 Lambda functions: 0 done",
                        "CONNECTING reading aliases of 64 Lambda functions: 25 done",
                        "CONNECTING reading aliases of 64 Lambda functions: 50 done",
                        "loaded",
                        "CONNECTED 64 Lambda functions");
    }

    @Test
    void largeAccountsArePaginated() {
        plane.seedSynthetic(120);

        Map<String, ServerlessFunction> functions =
                loaded(discover(AwsSettings.sandbox(plane.endpoint(), List.of("eu-west-1"))), EU_WEST_1);

        assertThat(functions).hasSize(124).containsKeys("synthetic-fn-0001", "synthetic-fn-0120");
        assertThat(functions.get("synthetic-fn-0005").traffic())
                .containsExactly(new TrafficShare("1", 80, "live"), new TrafficShare("2", 20, "live"));
    }

    @Test
    void unreachableEndpointIsAFailedSourceNamingTheEndpoint() {
        URI dead;
        try (LambdaControlPlane closed = LambdaControlPlane.start()) {
            dead = closed.endpoint();
        }

        List<InventoryEvent> events = discover(AwsSettings.sandbox(dead, List.of("eu-west-1"))
                .withTimeout(Duration.ofSeconds(5)));

        assertThat(statuses(events)).singleElement().satisfies(status -> {
            assertThat(status.state()).isEqualTo(SourceStatus.State.FAILED);
            assertThat(status.source()).isEqualTo(new SourceRef.AwsRegion(LambdaCatalog.UNKNOWN_ACCOUNT, "eu-west-1", null));
            assertThat(status.message()).startsWith("Cannot reach AWS Lambda for region eu-west-1 at " + dead);
        });
    }

    @Test
    void resourcesShowConfigurationWithMaskedEnvironmentAndAliases() {
        try (LambdaClient lambda = sandboxClient()) {
            lambda.putFunctionConcurrency(r -> r.functionName("invoice-pdf").reservedConcurrentExecutions(50));
        }
        try (LambdaCatalog catalog = new LambdaCatalog(AwsSettings.sandbox(plane.endpoint(), List.of("eu-west-1")))) {
            List<MeshResource> resources =
                    catalog.resourcesOf(new FunctionId(EU_WEST_1, Platform.LAMBDA, "", "invoice-pdf"));

            assertThat(resources).extracting(MeshResource::title)
                    .containsExactly("LambdaFunction invoice-pdf", "LambdaAlias invoice-pdf:live",
                            "LambdaAlias invoice-pdf:staging");
            String function = resources.get(0).yaml();
            assertThat(function).contains("Runtime: java17", "MemorySize: 1024", "DB_PASSWORD: '****'",
                    "INVOICE_BUCKET: '****'", "team: payments", "ReservedConcurrentExecutions: 50");
            assertThat(function).doesNotContain("sandbox-not-a-secret", "meshdeck-invoices-eu-west-1");
            assertThat(resources.get(1).yaml()).contains("apiVersion: lambda.meshdeck.dev/v1", "kind: LambdaAlias",
                    "name: live", "functionName: invoice-pdf", "functionVersion: \"3\"", "additionalVersionWeights:",
                    "\"4\": 0.1", "resourceVersion:");
        }
    }

    @Test
    void liveDiscoveryPicksUpAWeightChange() throws InterruptedException {
        Inventory inventory = new Inventory();
        try (LambdaCatalog catalog = new LambdaCatalog(AwsSettings.sandbox(plane.endpoint(), List.of("eu-west-1"))
                .withPollInterval(Duration.ofMillis(200)));
             LambdaClient lambda = sandboxClient()) {
            catalog.start(inventory::apply, true);
            lambda.updateAlias(r -> r.functionName("invoice-pdf").name("live")
                    .routingConfig(c -> c.additionalVersionWeights(Map.of("4", 0.5))));

            List<TrafficShare> expected = List.of(new TrafficShare("3", 50, "live"), new TrafficShare("4", 50, "live"));
            for (int i = 0; i < 100 && !expected.equals(invoiceTraffic(inventory)); i++) {
                Thread.sleep(100);
            }
            assertThat(invoiceTraffic(inventory)).isEqualTo(expected);
            assertThat(inventory.statuses().get(EU_WEST_1).state()).isEqualTo(SourceStatus.State.CONNECTED);
        }
    }

    private static List<TrafficShare> invoiceTraffic(Inventory inventory) {
        return inventory.functions().stream().filter(f -> f.name().equals("invoice-pdf"))
                .findFirst().map(ServerlessFunction::traffic).orElse(List.of());
    }

    private LambdaClient sandboxClient() {
        return LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()).endpointOverride(plane.endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "throwaway")))
                .build();
    }
}
