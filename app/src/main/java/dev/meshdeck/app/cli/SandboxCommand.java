package dev.meshdeck.app.cli;

import dev.meshdeck.sandbox.Sandbox;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "sandbox",
        mixinStandardHelpOptions = true,
        description = {
            "Run the embedded sandbox headless until interrupted (Ctrl-C).",
            "It is an in-process Kubernetes API seeded with a multi-platform estate (Knative, OpenFaaS, Kubeless,",
            "Deployments, Istio policies) and a local AWS Lambda control plane, both on 127.0.0.1.",
            "With --env-out, `source FILE` points kubectl, the AWS SDK/CLI and meshdeck at it."
        })
final class SandboxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "0", paramLabel = "PORT",
            description = "Port of the Kubernetes API (default: any free port).")
    int port;

    @Option(names = "--lambda-port", defaultValue = "0", paramLabel = "PORT",
            description = "Port of the Lambda control plane (default: any free port).")
    int lambdaPort;

    @Option(names = "--metrics-port", defaultValue = "0", paramLabel = "PORT",
            description = "Port of the simulated Istio metrics for Prometheus to scrape (default: any free port).")
    int metricsPort;

    @Option(names = "--env-out", paramLabel = "FILE",
            description = "Write shell export lines (KUBECONFIG, AWS_ENDPOINT_URL_LAMBDA, AWS_ENDPOINT_URL_CLOUDWATCH, AWS_REGION, throwaway credentials).")
    Path envOut;

    @Option(names = "--functions", defaultValue = "0", paramLabel = "N",
            description = "Grow the estate by N synthetic functions across many namespaces (scale tests).")
    int functions;

    @Override
    public Integer call() throws InterruptedException {
        if (functions < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--functions must be 0 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        Sandbox sandbox = Sandbox.start(port, lambdaPort, metricsPort, functions);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "sandbox-shutdown"));
        if (envOut != null) {
            sandbox.writeEnvironment(envOut);
        }
        out.println("MeshDeck sandbox is running (Ctrl-C to stop)");
        out.println("  Kubernetes API : " + sandbox.kubeUrl() + "   kubeconfig: " + sandbox.kubeconfig());
        out.println("  AWS Lambda     : " + sandbox.lambdaEndpoint() + "   account " + sandbox.account()
                + ", region " + sandbox.region());
        out.println("  Metrics        : " + sandbox.metricsEndpoint()
                + "   (simulated istio_requests_total and istio_request_duration_milliseconds, for Prometheus)");
        if (envOut != null) {
            out.println("  Environment    : source " + envOut);
        } else {
            out.println("Environment:");
            out.print(sandbox.environment());
        }
        out.flush();
        stopped.await();
        return 0;
    }
}
