package dev.meshdeck.sandbox;

import dev.meshdeck.core.monitoring.AlertSource;
import dev.meshdeck.core.telemetry.TelemetrySource;
import dev.meshdeck.sandbox.kube.Estate;
import dev.meshdeck.sandbox.kube.KubeSandbox;
import dev.meshdeck.sandbox.cloudrun.CloudRunControlPlane;
import dev.meshdeck.sandbox.lambda.LambdaControlPlane;
import dev.meshdeck.sandbox.traffic.SandboxPrometheus;
import dev.meshdeck.sandbox.traffic.SandboxTraffic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The whole embedded sandbox: an in-process Kubernetes API seeded with the estate and a local Lambda
 * control plane, both on 127.0.0.1, plus a kubeconfig that points at them, and simulated traffic along the
 * estate's call graph ({@link #telemetry()}, served for Prometheus at {@link #metricsEndpoint()}).
 */
public final class Sandbox implements AutoCloseable {

    /** Throwaway credentials the sandbox accepts (it checks no signature); printed into env files on purpose. */
    public static final String ACCESS_KEY_ID = "AKIDMESHDECKSANDBOX";
    public static final String SECRET_ACCESS_KEY = "sandbox-throwaway-secret";

    /** Where `meshdeck canary` reads Istio's series when no Prometheus is given: the simulated mesh's endpoint. */
    public static final String ISTIO_METRICS_VARIABLE = "MESHDECK_ISTIO_METRICS_URL";

    private final KubeSandbox kube;
    private final LambdaControlPlane lambda;
    private final CloudRunControlPlane cloudRun;
    private final Path directory;
    private final Path kubeconfig;
    private final SandboxTraffic traffic;

    private Sandbox(KubeSandbox kube, LambdaControlPlane lambda, CloudRunControlPlane cloudRun, SandboxTraffic traffic,
                    Path directory) {
        this.kube = kube;
        this.lambda = lambda;
        this.cloudRun = cloudRun;
        this.traffic = traffic;
        this.directory = directory;
        this.kubeconfig = kube.writeKubeconfig(directory.resolve("kubeconfig"));
    }

    /**
     * Starts both control planes and seeds the default estate, grown by {@code extraFunctions} synthetic
     * functions on each side.
     *
     * @param kubePort   port of the Kubernetes API, 0 for any free one
     * @param lambdaPort port of the Lambda control plane, 0 for any free one
     */
    public static Sandbox start(int kubePort, int lambdaPort, int extraFunctions) {
        return start(kubePort, lambdaPort, 0, extraFunctions);
    }

    /** {@link #start(int, int, int)} with the metrics endpoint on {@code metricsPort} (0 for any free one). */
    public static Sandbox start(int kubePort, int lambdaPort, int metricsPort, int extraFunctions) {
        KubeSandbox kube = KubeSandbox.start(kubePort);
        LambdaControlPlane lambda = null;
        SandboxTraffic traffic = null;
        CloudRunControlPlane cloudRun = null;
        try {
            kube.seed(Estate.defaultEstate());
            if (extraFunctions > 0) {
                kube.preload(Estate.synthetic(extraFunctions));
            }
            lambda = LambdaControlPlane.start(lambdaPort, LambdaControlPlane.DEFAULT_REGION, LambdaControlPlane.DEFAULT_ACCOUNT)
                    .seedDefault();
            if (extraFunctions > 0) {
                // Lambda gets a tenth: a realistic estate is mostly mesh functions.
                lambda.seedSynthetic(Math.max(1, extraFunctions / 10));
            }
            traffic = SandboxTraffic.start(kube.client(), KubeSandbox.CONTEXT, lambda.endpoint(), lambda.account(),
                    lambda.region(), metricsPort);
            kube.serveLogs(traffic.podLogs());
            kube.serve(SandboxPrometheus.NAMESPACE, SandboxPrometheus.SERVICE, traffic.prometheus());
            cloudRun = CloudRunControlPlane.start();
            return new Sandbox(kube, lambda, cloudRun, traffic, Files.createTempDirectory("meshdeck-sandbox-"));
        } catch (IOException | RuntimeException e) {
            if (cloudRun != null) {
                cloudRun.close();
            }
            if (traffic != null) {
                traffic.close();
            }
            kube.close();
            if (lambda != null) {
                lambda.close();
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** What the sandbox API answers to SelfSubjectAccessReviews (allowed unless denied). */
    public dev.meshdeck.sandbox.kube.AccessReviews accessReviews() {
        return kube.accessReviews();
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    public String kubeUrl() {
        return kube.url();
    }

    public URI lambdaEndpoint() {
        return lambda.endpoint();
    }

    /** The Cloud Run Admin API's endpoint (project {@link CloudRunControlPlane#DEFAULT_PROJECT}). */
    public URI cloudRunEndpoint() {
        return cloudRun.endpoint();
    }

    public String region() {
        return lambda.region();
    }

    public String account() {
        return lambda.account();
    }

    /**
     * The sandbox's own MeshDeck data directory (history, journal, audit log): empty at start and deleted with
     * the sandbox, so its change sets never mix with a real cluster's nor with an earlier sandbox's.
     */
    public Path dataDirectory() {
        return directory.resolve("data");
    }

    /** The simulated traffic of the estate, following its live routing (no Prometheus needed). */
    public TelemetrySource telemetry() {
        return traffic.telemetry();
    }

    /**
     * The alerts of the sandbox's Prometheus, evaluating its PrometheusRules against the simulated traffic; also served
     * as Prometheus' HTTP API behind the Service {@code istio-system/prometheus} through the API server's proxy.
     */
    public AlertSource alerts() {
        return traffic.prometheus();
    }

    /** {@code http://127.0.0.1:<port>/metrics}: the simulated Istio series, for a Prometheus to scrape. */
    public URI metricsEndpoint() {
        return traffic.metricsEndpoint();
    }

    /** The shell lines that point kubectl, the AWS CLI/SDK and MeshDeck itself at this sandbox. */
    public String environment() {
        return "export KUBECONFIG=" + quote(kubeconfig.toAbsolutePath().toString()) + "\n"
                + "export AWS_ENDPOINT_URL_LAMBDA=" + lambda.endpoint() + "\n"
                + "export AWS_ENDPOINT_URL_CLOUDWATCH=" + lambda.endpoint() + "\n"
                + "export AWS_ENDPOINT_URL_CLOUDWATCH_LOGS=" + lambda.endpoint() + "\n"
                + "export AWS_REGION=" + lambda.region() + "\n"
                + "export AWS_ACCESS_KEY_ID=" + ACCESS_KEY_ID + "\n"
                + "export AWS_SECRET_ACCESS_KEY=" + SECRET_ACCESS_KEY + "\n"
                + "export MESHDECK_CLOUDRUN_ENDPOINT=" + cloudRun.endpoint() + "\n"
                + "export CLOUDSDK_CORE_PROJECT=" + CloudRunControlPlane.DEFAULT_PROJECT + "\n"
                + "export CLOUDSDK_RUN_REGION=" + CloudRunControlPlane.DEFAULT_REGION + "\n"
                + "export MESHDECK_DATA_DIR=" + quote(dataDirectory().toAbsolutePath().toString()) + "\n"
                + "export " + ISTIO_METRICS_VARIABLE + "=" + metricsEndpoint() + "\n";
    }

    public void writeEnvironment(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, environment(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the sandbox environment to " + file, e);
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    @Override
    public void close() {
        traffic.close();
        cloudRun.close();
        try {
            lambda.close();
        } finally {
            kube.close();
            deleteQuietly(directory);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp dir holds only a kubeconfig for a port that no longer answers
        }
    }
}
