package dev.meshdeck.core.validation.schema;

import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.ValidationInput;
import dev.meshdeck.core.validation.Validator;
import java.util.List;

/**
 * Not a test: {@code java -cp <test classpath> -Dmeshdeck.shared=... dev.meshdeck.core.validation.schema.SchemaBenchmark [n]}.
 * Validates n VirtualServices and DestinationRules (half each) with the schema rules, CRD mode and offline,
 * and prints resources/s. YAML reading is timed apart.
 */
public final class SchemaBenchmark {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < n / 2; i++) {
            yaml.append("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: fn-").append(i)
                    .append(", namespace: serverless}\nspec:\n  hosts: [fn-").append(i).append("]\n  http:\n")
                    .append("  - match: [{headers: {x-canary: {exact: \"true\"}}}]\n    timeout: 5s\n")
                    .append("    retries: {attempts: 3, perTryTimeout: 2s, retryOn: 5xx}\n    route:\n")
                    .append("    - destination: {host: fn-").append(i).append(", subset: v2, port: {number: 8080}}\n")
                    .append("  - route:\n    - destination: {host: fn-").append(i).append(", subset: v1}\n      weight: 90\n")
                    .append("    - destination: {host: fn-").append(i).append(", subset: v2}\n      weight: 10\n---\n");
            yaml.append("apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: fn-").append(i)
                    .append(", namespace: serverless}\nspec:\n  host: fn-").append(i).append("\n  trafficPolicy:\n")
                    .append("    connectionPool: {tcp: {maxConnections: 100, connectTimeout: 30ms}, http: {http1MaxPendingRequests: 10}}\n")
                    .append("    outlierDetection: {consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s}\n")
                    .append("    tls: {mode: ISTIO_MUTUAL}\n  subsets:\n  - {name: v1, labels: {version: v1}}\n")
                    .append("  - {name: v2, labels: {version: v2}}\n---\n");
        }
        long t0 = System.nanoTime();
        ValidationInput input = new ValidationInput().addText("bench.yaml", yaml.toString());
        long t1 = System.nanoTime();
        System.out.printf("read %d resources: %d ms%n", input.resources().size(), (t1 - t0) / 1_000_000);
        List<Rule> crd = SchemaRules.fromCrds(IstioCrds.load());
        List<Rule> offline = SchemaRules.offline();
        for (int round = 1; round <= 5; round++) {
            run("CRD schema + CEL", crd, input, round);
            run("offline typed model", offline, input, round);
        }
    }

    private static void run(String mode, List<Rule> rules, ValidationInput input, int round) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long c0 = threads.getCurrentThreadCpuTime();
        List<Finding> findings = new Validator(rules).validate(new ValidationContext(input.resources(), false));
        long cpu = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
        long ms = (System.nanoTime() - t0) / 1_000_000;
        // CPU time of this thread: wall time is meaningless on a shared, loaded machine
        System.out.printf("round %d %-20s %d resources in %d ms wall, %d ms cpu = %.0f resources/s (cpu), %d findings%n",
                round, mode, input.resources().size(), ms, cpu, input.resources().size() * 1000.0 / Math.max(1, cpu),
                findings.size());
    }
}
