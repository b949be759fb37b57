package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.monitoring.SloRules;
import dev.meshdeck.core.yaml.YamlReader;
import dev.meshdeck.core.yaml.YamlRenderer;
import dev.meshdeck.sandbox.Sandbox;
import dev.meshdeck.connectors.kube.Kubeconfigs;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #18: `slo set` on the sandbox prints a rule that validate and Debian's promtool accept, and applies it. */
class SloSetCommandTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.start(0, 0, 0);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private static Cli run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--kubeconfig";
        all[args.length + 1] = sandbox.kubeconfig().toString();
        return Cli.run(all);
    }

    @Test
    void theRuleSelectsTheFunctionsRealSeriesAndValidateAndPromtoolAcceptIt(@TempDir Path dir) throws Exception {
        Cli slo = run("slo", "set", "--function", "order-function", "--p95", "1000ms", "--error-rate", "1%", "-o", "yaml");
        assertThat(slo.exitCode()).as(slo.err()).isZero();
        // judged against the sandbox: nothing but the info that its CRD carries no schema to check fields against
        assertThat(slo.err().lines()).allMatch(l -> l.contains(" info MD0005 "));
        JsonNode rule = new YamlReader().read("out", slo.out()).get(0).tree();
        assertThat(rule.at("/metadata/namespace").asText()).isEqualTo("serverless");
        String p95 = rule.at("/spec/groups/0/rules/0/expr").asText();
        // the sandbox's order-function: the hosts of its VirtualService and the Deployments of its two versions
        assertThat(p95).contains("destination_service=~\"order-function-v1\\\\.serverless\\\\.svc\\\\.cluster\\\\.local|"
                        + "order-function-v2\\\\.serverless\\\\.svc\\\\.cluster\\\\.local|order-function\\\\.serverless\\\\.svc",
                "destination_workload=~\"order-function-v1|order-function-v2\"");
        assertThat(rule.at("/spec/groups/0/rules/3/expr").asText()).isEqualTo(SloRules.ERROR_RATIO_RECORD
                + "{function=\"order-function\",namespace=\"serverless\"} > 0.01");

        Path file = dir.resolve("slo.yaml");
        Files.writeString(file, slo.out());
        Cli validate = Cli.run("validate", "-f", file.toString());
        assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
        assertThat(validate.out()).doesNotContain("error", "warning");

        Path rulesFile = dir.resolve("rules.yaml");
        Files.writeString(rulesFile, YamlRenderer.render(rule.path("spec"))); // a PrometheusRule's spec is a rule file
        assertThat(promtool("check", "rules", rulesFile.toString())).contains("SUCCESS: 4 rules found");
    }

    @Test
    void applyWritesTheRuleToTheFunctionsNamespace() {
        Cli applied = run("slo", "set", "--function", "order-function", "--p95", "800ms", "--severity", "critical",
                "--apply", "--yes", "--reason", "SLO from the incident review");
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
        GenericKubernetesResource live;
        try (KubernetesClient client = Kubeconfigs.load(List.of(sandbox.kubeconfig())).newClient("meshdeck-sandbox")) {
            live = client.genericKubernetesResources("monitoring.coreos.com/v1", "PrometheusRule")
                    .inNamespace("serverless").withName("order-function-slo").get();
        }
        assertThat(live).isNotNull();
        assertThat(live.get("spec", "groups", 0, "rules", 1, "labels", "severity").toString()).isEqualTo("critical");
        assertThat(live.get("spec", "groups", 0, "rules", 1, "expr").toString()).endsWith(" > 800");
    }

    @Test
    void aLambdaFunctionsSloIsPrintedAsCloudWatchAlarmsAndNotApplied() throws Exception {
        try (SandboxAws aws = new SandboxAws(sandbox)) {
            Cli cli = run("slo", "set", "--function", "invoice-pdf", "--p95", "1000ms", "--error-rate", "1%", "--for", "3m");
            assertThat(cli.exitCode()).as(cli.err()).isZero();
            List<com.fasterxml.jackson.databind.JsonNode> alarms = new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readerFor(com.fasterxml.jackson.databind.JsonNode.class)
                    .<com.fasterxml.jackson.databind.JsonNode>readValues(cli.out()).readAll();
            assertThat(alarms).extracting(a -> a.path("AlarmName").asText())
                    .containsExactly("invoice-pdf-slo-p95-duration", "invoice-pdf-slo-error-rate");
            assertThat(alarms.get(0).path("Threshold").asDouble()).isEqualTo(1000);
            assertThat(alarms.get(0).path("EvaluationPeriods").asInt()).isEqualTo(3);
            assertThat(alarms.get(1).path("Threshold").asDouble()).isEqualTo(1);

            Cli apply = run("slo", "set", "--function", "invoice-pdf", "--p95", "1000ms", "--apply", "--yes");
            assertThat(apply.exitCode()).isEqualTo(1);
            assertThat(apply.err()).contains("CloudWatch alarms", "put-metric-alarm", "nothing was written");
        }
    }

    @Test
    void anUnreadableDurationIsAUsageError() {
        Cli slo = run("slo", "set", "--function", "order-function", "--p95", "1 sec");
        assertThat(slo.exitCode()).isEqualTo(2);
        assertThat(slo.err()).contains("\"1 sec\" is not a duration");
    }

    /** Debian's promtool's output; the test is skipped where the prometheus package is not installed. */
    private static String promtool(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "promtool";
        System.arraycopy(args, 0, command, 1, args.length);
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notInstalled) {
            assumeThat(false).as("promtool (Debian's prometheus package) is not installed").isTrue();
            throw notInstalled;
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
