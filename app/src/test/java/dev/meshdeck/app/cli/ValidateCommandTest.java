package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    private static final String CANARY = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata:
              name: order-function
              namespace: serverless
            spec:
              host: order-function
              subsets:
              - name: v1
                labels: {version: v1}
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: order-function
              namespace: serverless
            spec:
              hosts: [order-function]
              http:
              - route:
                - destination: {host: order-function, subset: v1}
                  weight: 90
                - destination: {host: order-function, subset: v3}
                  weight: 10
            """;

    /** The canary with a second subset defined, so that no destination repeats and none is missing. */
    private static String withSubsetV2(String yaml) {
        return yaml.replace("labels: {version: v1}", "labels: {version: v1}\n  - name: v2\n    labels: {version: v2}");
    }

    @Test
    void cleanInputExitsZero(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("ok.yaml"), withSubsetV2(CANARY.replace("subset: v3", "subset: v2")));
        Cli cli = Cli.run("validate", "-f", file.toString());
        assertThat(cli.exitCode()).as(cli.out()).isZero();
        assertThat(cli.err()).contains("0 errors, 0 warnings in 2 resources");
    }

    @Test
    void missingSubsetIsReportedCompilerStyleWithItsIstioCode(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("canary.yaml"), CANARY);
        Cli cli = Cli.run("validate", "-f", dir.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).contains(file + ":23:")
                .contains("error MD0302 [IST0101] VirtualService serverless/order-function: subset \"v3\"");
    }

    @Test
    void deploymentReadingAConfigMapTheFilesDoNotHoldIsAnError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("function.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: checkout-settings, namespace: shop}
                data: {CURRENCY: EUR}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: checkout, namespace: shop}
                spec:
                  template:
                    spec:
                      containers:
                      - name: app
                        image: checkout:1
                        envFrom:
                        - configMapRef: {name: checkout-setings}
                """);
        Cli cli = Cli.run("validate", "-f", file.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).contains(file + ":16:")
                .contains("error MD0701 Deployment shop/checkout: ConfigMap \"checkout-setings\" does not exist in namespace shop");
    }

    @Test
    void jsonCarriesEveryFindingField(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("canary.yaml"), CANARY);
        Cli cli = Cli.run("validate", "-f", dir.toString(), "-o", "json");

        JsonNode finding = new ObjectMapper().readTree(cli.out()).get(0);
        assertThat(finding.get("code").asText()).isEqualTo("MD0302");
        assertThat(finding.get("severity").asText()).isEqualTo("error");
        assertThat(finding.get("category").asText()).isEqualTo("reference");
        assertThat(finding.at("/resource/kind").asText()).isEqualTo("VirtualService");
        assertThat(finding.at("/resource/namespace").asText()).isEqualTo("serverless");
        assertThat(finding.get("path").asText()).isEqualTo("spec.http[0].route[1].destination.subset");
        assertThat(finding.get("line").asInt()).isEqualTo(23);
        assertThat(finding.get("istioCode").asText()).isEqualTo("IST0101");
        assertThat(finding.get("kialiCode").asText()).isEqualTo("KIA1107");
    }

    @Test
    void warningsFailOnlyWithStrict(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("w.yaml"), withSubsetV2(CANARY.replace("subset: v3", "subset: v2"))
                .replace("weight: 10", "weight: 5"));
        assertThat(Cli.run("validate", "-f", file.toString()).exitCode()).isZero();
        Cli strict = Cli.run("validate", "--strict", "-f", file.toString());
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).contains("warning MD0201");
    }

    @Test
    void unreadableInputExitsTwoNamingTheFile(@TempDir Path dir) {
        Cli cli = Cli.run("validate", "-f", dir.resolve("nope.yaml").toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("nope.yaml: no such file or directory");
    }

    @Test
    void hostileInputsAreFindingsNeverCrashes(@TempDir Path dir) throws Exception {
        StringBuilder bomb = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            bomb.append(c).append(": &").append(c).append(" [").append(("*" + (char) (c - 1) + ",").repeat(8))
                    .append('*').append((char) (c - 1)).append("]\n");
        }
        Files.writeString(dir.resolve("1-bomb.yaml"), bomb);
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        Files.write(dir.resolve("2-junk.yaml"), junk);
        // 10 MB of ordinary lines is read; one 2 MB line is refused with its line number
        Files.writeString(dir.resolve("3-big.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  x: |\n"
                + ("    " + "y".repeat(1020) + "\n").repeat(10 * 1024));
        Files.writeString(dir.resolve("5-long-line.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: long}\n"
                + "data: {x: \"" + "y".repeat(2 * 1024 * 1024) + "\"}\n");
        Files.writeString(dir.resolve("4-kinds.yaml"), """
                apiVersion: networking.istio.io/v1
                kind: VirtualSevice
                metadata: {name: typo}
                ---
                - just
                - a list
                ---
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: wrong-types}
                spec:
                  host: [not, a, string]
                  trafficPolicy: {connectionPool: {tcp: {maxConnections: lots}}}
                """);

        Cli cli = Cli.run("validate", "-f", dir.toString());

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out())
                .contains("1-bomb.yaml:").contains("possible YAML bomb")
                .contains("2-junk.yaml:1:1: error MD0001")
                .contains("4-kinds.yaml:2:1: error MD0003")
                .contains("error MD0002")
                .contains("DestinationRule wrong-types")
                .contains("5-long-line.yaml:4:1: error MD0001");
        assertThat(cli.out()).doesNotContain("3-big.yaml");
    }
}
