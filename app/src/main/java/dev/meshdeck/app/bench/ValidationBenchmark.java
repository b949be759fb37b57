package dev.meshdeck.app.bench;

import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.Rules;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.ValidationInput;
import dev.meshdeck.core.validation.Validator;
import dev.meshdeck.sandbox.kube.Estate;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Validate the sandbox's synthetic estate as YAML files: parsing with positions, then every rule.",
            "Prints the time and resources/s for a quarter, a half and all of the resources, to show growth.",
            "Target: 10,000 resources in at most 1 s (validation after warm-up) on a 2-core machine."
        })
final class ValidationBenchmark implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--resources", defaultValue = "10000", paramLabel = "N", description = "Resources to validate (default ${DEFAULT-VALUE}).")
    int resources;

    @Option(names = "--rounds", defaultValue = "5", paramLabel = "R", description = "Timed rounds per size after one warm-up (default ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // a synthetic function has several objects (workload, Service, Endpoints, Pods, policies): 2 per resource is ample
        List<HasMetadata> objects = Estate.synthetic(Math.max(10, resources / 2)).objects();
        if (objects.size() < resources) {
            throw new IllegalStateException("the synthetic estate has only " + objects.size() + " objects");
        }
        out.printf("validating the sandbox's synthetic estate (%d rules), %d rounds after a warm-up, median:%n",
                Rules.defaults().size(), rounds);
        out.println("resources   parse ms   validate ms   total ms   resources/s (total)   findings");
        for (int size : new int[] {resources / 4, resources / 2, resources}) {
            String yaml = toYaml(objects.subList(0, size));
            Round median = measure(yaml, size);
            out.printf(Locale.ROOT, "%9d   %8d   %11d   %8d   %19.0f   %8d%n", size, median.parseMs, median.validateMs,
                    median.parseMs + median.validateMs, size * 1000.0 / Math.max(1, median.parseMs + median.validateMs),
                    median.findings);
            out.flush();
        }
        return 0;
    }

    private record Round(long parseMs, long validateMs, int findings) {
    }

    private Round measure(String yaml, int size) {
        run(yaml, size); // warm-up: class loading, JIT, compiled schemas
        List<Round> timed = new java.util.ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            timed.add(run(yaml, size));
        }
        timed.sort(java.util.Comparator.comparingLong(r -> r.parseMs + r.validateMs));
        return timed.get(timed.size() / 2);
    }

    private static Round run(String yaml, int size) {
        long start = System.nanoTime();
        ValidationInput input = new ValidationInput().addText("estate.yaml", yaml);
        long parsed = System.nanoTime();
        List<Finding> findings = new Validator(Rules.defaults()).validate(new ValidationContext(input.resources(), false));
        long done = System.nanoTime();
        if (input.resources().size() != size) {
            throw new IllegalStateException("read " + input.resources().size() + " of " + size + " resources");
        }
        return new Round((parsed - start) / 1_000_000, (done - parsed) / 1_000_000, findings.size());
    }

    private static String toYaml(List<HasMetadata> objects) {
        StringBuilder yaml = new StringBuilder();
        for (HasMetadata o : objects) {
            String doc = Serialization.asYaml(o);
            yaml.append(doc.startsWith("---") ? doc : "---\n" + doc);
        }
        return yaml.toString();
    }
}
