package dev.meshdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.meshdeck.connectors.history.DataDirectory;
import dev.meshdeck.sandbox.Sandbox;
import io.fabric8.istio.client.IstioClient;
import io.fabric8.knative.client.KnativeClient;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary runs on the sandbox, driven by the command line with intervals of seconds: the healthy Istio candidate
 * promotes, the Knative revision that degrades above 20 % aborts with its traffic exactly as before, the Lambda
 * alias promotes or aborts by its CloudWatch figures; an external weight change stops a run; an interrupted run
 * resumes on fresh metrics.
 */
class CanaryOnSandboxTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Sandbox sandbox;
    SandboxAws aws;
    KubernetesClient kube;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.start(0, 0, 0);
        System.setProperty(DataDirectory.PROPERTY, dir.resolve("data").toString());
        aws = new SandboxAws(sandbox);
        kube = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(sandbox.kubeconfig()))).build();
    }

    @AfterEach
    void stop() {
        kube.close();
        aws.close();
        System.clearProperty(DataDirectory.PROPERTY);
        sandbox.close();
    }

    private Cli canary(String... args) {
        List<String> all = new ArrayList<>(List.of("canary"));
        all.addAll(List.of(args));
        if (!args[0].equals("status")) {
            all.addAll(List.of("--kubeconfig", sandbox.kubeconfig().toString()));
        }
        if (!List.of("status", "export", "plan").contains(args[0])) {
            all.addAll(List.of("--istio-metrics", sandbox.metricsEndpoint().toString()));
        }
        return Cli.run(all.toArray(String[]::new));
    }

    private JsonNode status() throws Exception {
        Cli status = canary("status", "-o", "json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        return JSON.readTree(status.out());
    }

    private JsonNode orderFunctionRoute() {
        return JSON.valueToTree(kube.adapt(IstioClient.class).v1().virtualServices().inNamespace("serverless")
                .withName("order-function").get().getSpec().getHttp().get(0).getRoute());
    }

    private JsonNode imageResizeTraffic() {
        return JSON.valueToTree(kube.adapt(KnativeClient.class).services().inNamespace("serverless")
                .withName("image-resize").get().getSpec().getTraffic());
    }

    private static List<Integer> weights(JsonNode route) {
        List<Integer> weights = new ArrayList<>();
        route.forEach(r -> weights.add(r.path("weight").asInt()));
        return weights;
    }

    @Test
    void theHealthyIstioCandidatePromotesStepByStepEachStepInTheHistory() throws Exception {
        Cli run = canary("start", "--function", "order-function", "--steps", "25,50", "--interval", "2s",
                "--min-requests", "3", "--yes");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("step 1/2: order-function-v2 at 25%", "step 2/2: order-function-v2 at 50%",
                "→ passed", "promoted: every step passed");
        assertThat(weights(orderFunctionRoute())).containsExactly(0, 100);
        JsonNode history = JSON.readTree(Cli.run("history", "-o", "json").out());
        assertThat(history).hasSize(3);
        assertThat(history.get(0).path("action").asText()).isEqualTo("promote");
        assertThat(history.get(1).path("reason").asText())
                .startsWith("canary serverless/order-function step 2/2: order-function-v2 to 50% (at 25%: requests ")
                .contains("success rate", "p99 latency");
        JsonNode runs = status();
        assertThat(runs.get(0).path("status").asText()).isEqualTo("promoted");
        assertThat(runs.get(0).path("intervals")).hasSize(2);
        assertThat(runs.get(0).at("/intervals/0/candidate/successRate").asDouble()).isGreaterThan(99);
    }

    @Test
    void theKnativeRevisionThatDegradesAbortsAndItsTrafficIsExactlyAsBefore() throws Exception {
        JsonNode before = imageResizeTraffic();

        Cli run = canary("start", "--function", "image-resize", "--steps", "20,40,60,80", "--interval", "3s",
                "--threshold", "1", "--min-requests", "3", "--yes");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(imageResizeTraffic()).isEqualTo(before);
        JsonNode aborted = status().get(0);
        assertThat(aborted.path("status").asText()).isEqualTo("aborted");
        assertThat(aborted.path("reason").asText()).startsWith("1 failed check(s), threshold 1; last at 40%: ")
                .contains("success rate", "(FAILED)");
        assertThat(aborted.at("/intervals/0/passed").asBoolean()).isTrue();
        assertThat(aborted.at("/intervals/1/candidate/successRate").asDouble()).isLessThan(95);
        assertThat(canary("status").out()).containsPattern("image-resize-.*serverless/image-resize\\s+image-resize-00002\\s+aborted");
    }

    @Test
    void anIstioCandidateOverItsLatencyBoundAbortsToTheStableWeights() throws Exception {
        Cli run = canary("start", "--function", "order-function", "--steps", "25,50", "--interval", "2s", "--p99", "20ms",
                "--threshold", "1", "--min-requests", "3", "--yes");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("p99 latency", "> 20ms (FAILED)", "aborted");
        assertThat(weights(orderFunctionRoute())).containsExactly(90, 10);
    }

    @Test
    void theLambdaAliasPromotesOnItsCloudWatchFiguresAndRollsBackAfterwards() throws Exception {
        Cli run = canary("start", "--function", "invoice-pdf", "--steps", "50", "--interval", "2s", "--yes");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode promoted = status().get(0);
        assertThat(promoted.path("target").asText()).isEqualTo("AWS eu-west-1");
        assertThat(promoted.at("/intervals/0/candidate/requests").asDouble()).isPositive();
        JsonNode alias = JSON.readTree(Cli.run("history", "-o", "json").out()).get(0);
        assertThat(alias.path("action").asText()).isEqualTo("promote");

        Cli back = canary("rollback", "--function", "invoice-pdf");
        assertThat(back.exitCode()).as(back.out() + back.err()).isZero();
        assertThat(status().get(0).path("status").asText()).isEqualTo("rolled_back");
        Cli versions = Cli.run("lambda", "versions", "--function", "invoice-pdf");
        assertThat(versions.out()).containsPattern("3\\s.*live 90%").containsPattern("4\\s.*live 10%");
    }

    @Test
    void aLambdaCandidateUnderAStricterSuccessRateAborts() throws Exception {
        Cli run = canary("start", "--function", "invoice-pdf", "--steps", "30,60", "--interval", "2s",
                "--success-rate", "99.99", "--threshold", "1", "--yes");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(status().get(0).path("status").asText()).isEqualTo("aborted");
        assertThat(Cli.run("lambda", "versions", "--function", "invoice-pdf").out()).containsPattern("4\\s.*live 10%");
    }

    @Test
    void someoneElseChangingTheWeightsStopsTheRunWithoutOverwritingThem() throws Exception {
        CompletableFuture<Cli> run = CompletableFuture.supplyAsync(() -> canary("start", "--function", "order-function",
                "--steps", "25,50", "--interval", "3s", "--min-requests", "3", "--yes"));
        waitForStatus("running");
        kube.adapt(IstioClient.class).v1().virtualServices().inNamespace("serverless").withName("order-function").edit(vs -> {
            vs.getSpec().getHttp().get(0).getRoute().get(0).setWeight(60);
            vs.getSpec().getHttp().get(0).getRoute().get(1).setWeight(40);
            return vs;
        });

        Cli ended = run.get(120, TimeUnit.SECONDS);

        assertThat(ended.exitCode()).isEqualTo(1);
        assertThat(ended.out()).contains("conflict: someone else changed the weights");
        assertThat(weights(orderFunctionRoute())).containsExactly(60, 40);
        assertThat(status().get(0).path("status").asText()).isEqualTo("conflict");
    }

    @Test
    void aPauseFromAnotherTerminalHoldsTheRunAndAnAbortRestoresIt() throws Exception {
        // an interval long enough that a loaded machine still pauses the first step, not the second
        CompletableFuture<Cli> run = CompletableFuture.supplyAsync(() -> canary("start", "--function", "order-function",
                "--steps", "25,50", "--interval", "8s", "--min-requests", "3", "--yes"));
        waitForStatus("running");

        Cli pause = canary("pause", "--function", "order-function");
        assertThat(pause.exitCode()).as(pause.err()).isZero();
        assertThat(pause.out()).contains("paused: paused by a person at 25%");
        Thread.sleep(3000);
        assertThat(status().get(0).path("intervals")).isEmpty();
        Cli abort = canary("abort", "--function", "order-function");

        assertThat(abort.exitCode()).as(abort.err()).isZero();
        assertThat(run.get(120, TimeUnit.SECONDS).exitCode()).isEqualTo(1);
        assertThat(weights(orderFunctionRoute())).containsExactly(90, 10);
    }

    @Test
    void aRunWhoseProcessDiedShowsInterruptedAndResumesOnFreshMetrics() throws Exception {
        Cli[] first = new Cli[1];
        Thread process = new Thread(() -> first[0] = canary("start", "--function", "order-function", "--steps", "25,50",
                "--interval", "2s", "--min-requests", "3", "--yes"));
        process.start();
        waitForStatus("running");
        process.interrupt();
        process.join(120_000);
        Thread.sleep(dev.meshdeck.core.canary.Owner.SILENCE.toMillis() + 500);

        assertThat(status().get(0).path("interrupted").asBoolean()).isTrue();
        assertThat(canary("status").out()).contains("interrupted (running)");
        Cli refused = canary("start", "--function", "order-function", "--steps", "30", "--interval", "2s", "--yes");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("is interrupted (running); resume, promote or abort it first");

        Cli resumed = canary("resume", "--function", "order-function");

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("resumed by this process on fresh metrics", "promoted");
        JsonNode run = status().get(0);
        assertThat(run.path("interrupted").asBoolean()).isFalse();
        // the first interval judged began after the resume, never before the interruption
        assertThat(java.time.Instant.parse(run.at("/intervals/0/from").asText()))
                .isAfter(java.time.Instant.parse(run.path("started").asText()).plus(dev.meshdeck.core.canary.Owner.SILENCE));
        assertThat(weights(orderFunctionRoute())).containsExactly(0, 100);
    }

    @Test
    void theSamePlanExportsAsAFlaggerCanaryOrAnArgoRolloutThatReadBackToIt() throws Exception {
        Cli flagger = canary("export", "--function", "order-function", "--format", "flagger", "--steps", "25,50",
                "--interval", "30s", "--threshold", "3");
        assertThat(flagger.exitCode()).as(flagger.err()).isZero();
        assertThat(flagger.err()).contains("note: the minimum of 10 requests",
                "valid against the cluster's canaries.flagger.app");
        JsonNode canary = new ObjectMapper(new YAMLFactory())
                .readTree(flagger.out());
        assertThat(dev.meshdeck.core.canary.ControllerExport.planOfFlagger(canary).steps()).containsExactly(25, 50);
        assertThat(canary.at("/spec/service/port").asInt()).isEqualTo(80);

        Cli argo = canary("export", "--function", "order-function", "--format", "argo", "--steps", "25,50");
        assertThat(argo.exitCode()).as(argo.err()).isZero();
        assertThat(argo.out()).contains("kind: Rollout", "canaryService: order-function-v2", "kind: AnalysisTemplate");
        assertThat(argo.err()).contains("valid against the cluster's rollouts.argoproj.io, analysistemplates.argoproj.io");

        Cli knative = canary("export", "--function", "image-resize", "--format", "flagger");
        assertThat(knative.out()).contains("provider: knative", "kind: Service");
        assertThat(knative.err()).contains("valid against the cluster's canaries.flagger.app");
        Cli lambda = canary("export", "--function", "invoice-pdf", "--format", "argo");
        assertThat(lambda.exitCode()).isEqualTo(1);
        assertThat(lambda.err()).contains("Lambda canary to CodeDeploy");
    }

    @Test
    void aNamespacesSavedPlanIsRecordedAndStartTakesItWithTheOptionsGivenOverIt() throws Exception {
        Cli set = canary("plan", "set", "-n", "serverless", "--steps", "25,50", "--interval", "2s", "--min-requests", "3",
                "--p99", "20ms", "--threshold", "1", "--yes");
        assertThat(set.exitCode()).as(set.out() + set.err()).isZero();
        JsonNode saved = JSON.readTree(Cli.run("history", "-o", "json").out()).get(0);
        assertThat(saved.path("reason").asText()).startsWith("canary plan of namespace serverless: steps 25%, 50% every 2s");
        assertThat(kube.configMaps().inNamespace("serverless").withName("meshdeck-canary-plan").get().getData())
                .containsKey("plan.yaml");
        Cli show = canary("plan", "show", "-n", "serverless", "-o", "json");
        assertThat(JSON.readTree(show.out()).path("latency").path("max").asText()).isEqualTo("20ms");

        // the saved plan's 20ms bound fails the candidate at once: the run is the saved plan's
        Cli strict = canary("start", "--function", "order-function", "--yes");
        assertThat(strict.exitCode()).as(strict.out() + strict.err()).isEqualTo(1);
        assertThat(strict.out()).contains("steps 25%, 50% every 2s", "> 20ms (FAILED)",
                "(plan: ConfigMap serverless/meshdeck-canary-plan)");

        Cli relaxed = canary("start", "--function", "order-function", "--p99", "2s", "--yes");
        assertThat(relaxed.exitCode()).as(relaxed.out() + relaxed.err()).isZero();
        JsonNode promoted = status().get(0);
        assertThat(promoted.path("steps").toString()).isEqualTo("[25,50]");
        assertThat(promoted.path("planSource").asText())
                .isEqualTo("ConfigMap serverless/meshdeck-canary-plan, with --p99 from the command line");
        assertThat(canary("status").out()).contains("plan: ConfigMap serverless/meshdeck-canary-plan, with --p99");

        // the export is the plan a start there would run: the saved steps and interval, the option over them
        Cli export = canary("export", "--function", "order-function", "--format", "flagger", "--p99", "2s");
        assertThat(export.exitCode()).as(export.err()).isZero();
        JsonNode analysis = new ObjectMapper(new YAMLFactory())
                .readTree(export.out()).path("spec").path("analysis");
        assertThat(analysis.path("interval").asText()).isEqualTo("2s");
        assertThat(analysis.path("stepWeights").toString()).isEqualTo("[25,50]");
    }

    @Test
    void badPlanDataStopsTheStartNamingTheConfigMapKeyAndField() throws Exception {
        kube.configMaps().inNamespace("serverless").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata().withName("meshdeck-canary-plan").withNamespace("serverless").endMetadata()
                .addToData("plan.yaml", "steps: [25, 50]\ninterval: soon\n").build()).create();

        Cli run = canary("start", "--function", "order-function", "--yes");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("ConfigMap serverless/meshdeck-canary-plan, key plan.yaml:2:",
                "interval: give a duration such as 500ms, 10s or 1m, not 'soon'");
        assertThat(weights(orderFunctionRoute())).containsExactly(90, 10);
        assertThat(canary("plan", "show", "-n", "serverless").err()).contains("key plan.yaml:2:");
    }

    private void waitForStatus(String wanted) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            JsonNode runs = status();
            if (!runs.isEmpty() && runs.get(0).path("status").asText().equals(wanted) && runs.get(0).path("step").asInt() > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no canary run became " + wanted + ": " + status());
    }
}
