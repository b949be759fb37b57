package dev.meshdeck.app.cli;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshdeck.connectors.kube.Kubeconfigs;
import dev.meshdeck.sandbox.Sandbox;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** `meshdeck config`: a function's env resolved from its ConfigMaps and Secrets, the Secret's value never shown. */
class ConfigCommandTest {

    /** The sandbox Secret payment-db's password, as stored (base64) and as the pod would read it. */
    private static final List<String> SECRET_TEXTS = List.of("sandbox-db-Pa55w0rd", "c2FuZGJveC1kYi1QYTU1dzByZA==");

    private static Sandbox sandbox;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(0, 0, 0);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void watchTheLog() {
        logged.start();
        root().addAppender(logged);
    }

    @AfterEach
    void noSecretWasLogged() {
        root().detachAppender(logged);
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .allSatisfy(line -> assertThat(line).doesNotContain(SECRET_TEXTS));
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    private static Cli config(String... more) {
        List<String> args = new ArrayList<>(List.of("config", "--kubeconfig", sandbox.kubeconfig().toString()));
        args.addAll(List.of(more));
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertThat(cli.out() + cli.err()).doesNotContain(SECRET_TEXTS);
        return cli;
    }

    @Test
    void showingWithoutAFunctionIsAUsageError() {
        Cli cli = config();

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("Missing required option: '--function=NAME'");
    }

    @Test
    void theDatabasePasswordIsMaskedAndTheSettingsKeysAreListed() {
        Cli cli = config("--function", "payment-function");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Deployment payments/payment-function, container function");
        assertThat(line(cli, "DB_PASSWORD")).contains("Secret payment-db/password", "••••••");
        assertThat(line(cli, "CURRENCY")).contains("envFrom ConfigMap payment-settings", "EUR");
        assertThat(line(cli, "LOG_LEVEL")).contains("info");
        assertThat(line(cli, "POD_NAMESPACE")).contains("field metadata.namespace");
        assertThat(line(cli, "MEMORY_LIMIT")).contains("resource function/limits.memory", "256Mi");
        assertThat(line(cli, "/etc/payment/ca")).contains("ConfigMap payment-ca", "ro");
        assertThat(cli.out()).contains("requests: cpu=100m memory=128Mi   limits: memory=256Mi", "No problems found.");
    }

    @Test
    void theJsonCarriesTheMaskAndWhereTheValueComesFrom() throws Exception {
        Cli cli = config("--function", "payment-function", "-o", "json");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode container = new ObjectMapper().readTree(cli.out()).get("workloads").get(0).get("containers").get(0);
        JsonNode password = env(container, "DB_PASSWORD");
        assertThat(password.get("source").asText()).isEqualTo("secretKeyRef");
        assertThat(password.get("secret").asText()).isEqualTo("payment-db");
        assertThat(password.get("key").asText()).isEqualTo("password");
        assertThat(password.get("value").asText()).isEqualTo("••••••");
        assertThat(password.get("exists").asBoolean()).isTrue();
        JsonNode settings = container.get("envFrom").get(0);
        assertThat(settings.get("name").asText()).isEqualTo("payment-settings");
        assertThat(settings.get("values").get("CURRENCY").asText()).isEqualTo("EUR");
        assertThat(container.get("limits").get("memory").asText()).isEqualTo("256Mi");
        assertThat(new ObjectMapper().readTree(cli.out()).get("findings")).isEmpty();
    }

    @Test
    void aSecretKeyThatDoesNotExistIsAnErrorFinding() throws Exception {
        try (KubernetesClient client = Kubeconfigs.load(List.of(sandbox.kubeconfig())).newClient("meshdeck-sandbox")) {
            Deployment original = client.apps().deployments().inNamespace("payments").withName("payment-function").get();
            Deployment typo = client.apps().deployments().inNamespace("payments").withName("payment-function").get();
            EnvVar password = typo.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().get(0);
            password.getValueFrom().getSecretKeyRef().setKey("pasword");
            client.resource(typo).update();
            try {
                Cli table = config("--function", "payment-function");
                Cli json = config("--function", "payment-function", "-o", "json");

                assertThat(table.exitCode()).as(table.err()).isZero();
                assertThat(line(table, "DB_PASSWORD")).contains("Secret payment-db/pasword", "<missing>");
                assertThat(table.out()).contains("error MD0704 Deployment payments/payment-function: Secret \"payment-db\" has no key "
                        + "\"pasword\" (it has password, username)");
                JsonNode finding = new ObjectMapper().readTree(json.out()).get("findings").get(0);
                assertThat(finding.get("code").asText()).isEqualTo("MD0704");
                assertThat(finding.get("severity").asText()).isEqualTo("error");
                assertThat(finding.get("path").asText()).isEqualTo("spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.key");
            } finally {
                original.getMetadata().setResourceVersion(null);
                client.resource(original).update();
            }
        }
    }

    @Test
    void aKnativeServiceShowsItsRevisionTemplateAndAutoscaling() {
        Cli cli = config("--function", "fraud-check", "-n", "payments");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Service.serving.knative.dev payments/fraud-check, container user-container",
                "no environment variables", "Knative autoscaling: min-scale=1 target=50");
    }

    @Test
    void aLambdaFunctionsEnvironmentIsMaskedWithItsMemoryAndTimeout() throws Exception {
        try (SandboxAws aws = new SandboxAws(sandbox);
             LambdaClient lambda = LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
            lambda.putProvisionedConcurrencyConfig(r -> r.functionName("invoice-pdf").qualifier("live")
                    .provisionedConcurrentExecutions(3));
            Cli table = config("--function", "invoice-pdf");
            Cli json = config("--function", "invoice-pdf", "-o", "json");

            assertThat(table.exitCode()).as(table.err()).isZero();
            assertThat(table.out()).contains("Lambda invoice-pdf (java17), memory 1024 MB, timeout 30 s",
                    "provisioned concurrency live=3");
            assertThat(line(table, "DB_PASSWORD")).endsWith("••••••");
            assertThat(line(table, "INVOICE_BUCKET")).endsWith("••••••");
            assertThat(table.out() + json.out()).doesNotContain("sandbox-not-a-secret", "meshdeck-invoices-eu-west-1");
            JsonNode config = new ObjectMapper().readTree(json.out());
            assertThat(config.get("memoryMb").asInt()).isEqualTo(1024);
            assertThat(config.at("/provisionedConcurrency/live").asInt()).isEqualTo(3);
            assertThat(config.get("environment")).extracting(e -> e.get("name").asText() + "=" + e.get("value").asText())
                    .containsExactly("DB_PASSWORD=••••••", "INVOICE_BUCKET=••••••");
        }
    }

    private static String line(Cli cli, String start) {
        return cli.out().lines().map(String::strip).filter(l -> l.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + start + " in\n" + cli.out()));
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode e : container.get("env")) {
            if (e.get("name").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no env " + name + " in " + container);
    }
}
