package dev.meshdeck.app.cli;

import dev.meshdeck.app.wiring.SeriesCheck;
import dev.meshdeck.app.wiring.UserMessages;
import dev.meshdeck.connectors.kube.Kubeconfigs;
import dev.meshdeck.connectors.writes.WritePaths;
import dev.meshdeck.core.changes.GatewayException;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.FindingFormat;
import dev.meshdeck.core.validation.Rules;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.ValidationInput;
import dev.meshdeck.core.validation.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Validate mesh and function resources before they are applied: syntax, schema, semantics and references.",
            "Findings are printed compiler-style (file:line:col: severity CODE [IST code] Kind ns/name: message) or as JSON."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors (and no warnings with --strict)", "1:errors found (or warnings with --strict)",
            "2:input could not be read"})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--filename"}, required = true, paramLabel = "FILE|DIR",
            description = "A YAML file, a directory (every *.yaml/*.yml below it), or - for standard input. Repeatable.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--context", paramLabel = "CONTEXT",
            description = "Also check references against this kubeconfig context's live objects, and schemas against "
                    + "its CRDs (OpenAPI + CEL rules).")
    String context;

    @Option(names = "--kubeconfig", paramLabel = "FILE[:FILE...]",
            description = "Kubeconfig files for --context instead of $KUBECONFIG or ~/.kube/config.")
    String kubeconfig;

    @Option(names = "--prometheus", paramLabel = "URL",
            description = "With --context: the context's Prometheus, to check that rules select series there (MD0808). "
                    + "Default: its istio-system/prometheus Service through the API server proxy.")
    java.net.URI prometheus;

    @Option(names = "--strict", description = "Fail on warnings too.")
    boolean strict;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "text|json",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    String output;

    @Override
    public Integer call() throws IOException {
        FindingFormat format;
        try {
            format = FindingFormat.parse(output);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ValidationInput input = new ValidationInput();
        for (String name : inputs) {
            try {
                if (name.equals("-")) {
                    input.addText("<stdin>", new String(System.in.readAllBytes(), StandardCharsets.UTF_8));
                } else {
                    Path path = Path.of(name);
                    if (!Files.exists(path)) {
                        throw new NoSuchFileException(name);
                    }
                    input.add(path);
                }
            } catch (NoSuchFileException e) {
                err.println("meshdeck validate: " + name + ": no such file or directory");
                return 2;
            } catch (IOException e) {
                err.println("meshdeck validate: " + name + ": cannot read (" + UserMessages.describe(e) + ")");
                return 2;
            }
        }
        List<Finding> findings = new ArrayList<>(input.syntaxFindings());
        if (context == null) {
            findings.addAll(new Validator(Rules.defaults()).validate(new ValidationContext(input.resources(), false)));
        } else {
            try {
                findings.addAll(againstContext(input.resources()));
                findings.addAll(SeriesCheck.check(Kubeconfigs.fromOption(kubeconfig), context, Optional.ofNullable(prometheus),
                        input.resources(), note -> err.println("meshdeck validate: " + note)));
            } catch (GatewayException | IllegalArgumentException e) {
                err.println("meshdeck validate: --context " + context + ": " + e.getMessage());
                return 2;
            }
        }
        findings.sort(Validator.ORDER);

        out.print(format.render(findings));
        out.flush();
        if (format == FindingFormat.TEXT) {
            err.println(FindingFormat.summary(findings, input.resources().size()));
        }
        boolean failed = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR
                || (strict && f.severity() == Severity.WARNING));
        return failed ? 1 : 0;
    }

    /** The candidates judged against the context's live objects and CRDs, as the apply pipeline's gate judges. */
    private List<Finding> againstContext(List<Resource> candidates) throws GatewayException {
        WritePaths paths = new WritePaths(Kubeconfigs.fromOption(kubeconfig), Optional.empty());
        return paths.judge(paths.context(context), candidates);
    }
}
