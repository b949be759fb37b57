package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.app.wiring.ChangeWiring;
import dev.meshdeck.core.canary.CanaryPlan;
import dev.meshdeck.core.canary.NamespacePlan;
import dev.meshdeck.core.changes.ApplyRequest;
import dev.meshdeck.core.changes.GatewayException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A namespace's saved canary plan: ConfigMap meshdeck-canary-plan in that namespace, written through the apply
 * pipeline (gated, recorded in the history) and read by `canary start` as its defaults.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"The canary plan saved for a namespace (ConfigMap " + NamespacePlan.CONFIG_MAP + ", key "
                + NamespacePlan.KEY + "): `canary start` in that namespace takes it as its defaults, the options given"
                + " on its command line over it."},
        subcommands = {CanaryPlanCommand.Set.class, CanaryPlanCommand.Show.class})
final class CanaryPlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return CommandLine.ExitCode.USAGE;
    }

    /** The namespace whose plan is meant. */
    static class Namespace {
        @Option(names = {"-n", "--namespace"}, required = true, paramLabel = "NS", description = "The namespace.")
        String namespace;
    }

    /** The pipeline to the kube context of {@code change}, where the ConfigMap is read and written. */
    static ChangeWiring connect(ChangeOptions change) {
        return ChangeWiring.connect(change, change.writePaths(), null, true, false);
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Saves the namespace's canary plan: the options given over the plan saved so far (else",
                "Flagger's defaults), written through the apply pipeline as a recorded change set."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:saved (or already so)", "1:refused or failed", "2:usage error, or no --yes and no terminal"})
    static final class Set implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        Namespace where = new Namespace();

        @Mixin
        ChangeOptions change = new ChangeOptions();

        @Mixin
        CanaryPlanOptions planOptions = new CanaryPlanOptions();

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            String ns = where.namespace;
            try (ChangeWiring wiring = connect(change)) {
                ObjectNode live = wiring.pipeline().gateway().read(NamespacePlan.id(ns)).orElse(null);
                CanaryPlan base;
                try {
                    base = NamespacePlan.of(ns, live).orElse(CanaryPlan.defaults());
                } catch (NamespacePlan.Invalid e) {
                    err.println("meshdeck canary plan set: " + e.getMessage() + "; it is replaced by the options given"
                            + " over Flagger's defaults");
                    base = CanaryPlan.defaults();
                }
                CanaryPlan plan = planOptions.plan(spec, base);
                return wiring.apply(spec, change, NamespacePlan.change(wiring.pipeline().gateway(), ns, plan),
                        ApplyRequest.apply("canary plan of namespace " + ns + ": " + CanaryText.plan(plan)),
                        ChangeWiring.Mode.APPLY);
            } catch (GatewayException | IllegalArgumentException e) {
                err.println("meshdeck canary plan set: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Prints the namespace's saved canary plan (every field), or says that none is saved.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:printed", "1:it cannot be read or is not a plan", "2:usage error"})
    static final class Show implements Callable<Integer> {

        enum Format { yaml, json }

        @Spec
        CommandSpec spec;

        @Mixin
        Namespace where = new Namespace();

        @Mixin
        SourceOptions sources = new SourceOptions();

        @Option(names = {"-o", "--output"}, defaultValue = "yaml", paramLabel = "yaml|json",
                description = "Output format (default: ${DEFAULT-VALUE}).")
        Format output;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Optional<CanaryPlan> saved;
            ChangeOptions read = new ChangeOptions();
            read.kubeconfig = sources.kubeconfig;
            read.context = sources.contexts.isEmpty() ? null : sources.contexts.get(0);
            try (ChangeWiring wiring = connect(read)) {
                saved = NamespacePlan.read(wiring.pipeline().gateway(), where.namespace);
            } catch (IllegalArgumentException e) {
                err.println("meshdeck canary plan show: " + e.getMessage());
                return 1;
            }
            if (saved.isEmpty()) {
                err.println("meshdeck canary plan show: no plan saved in namespace " + where.namespace
                        + "; canary start there uses Flagger's defaults, printed below");
            }
            CanaryPlan plan = saved.orElse(CanaryPlan.defaults());
            out.print(output == Format.json ? NamespacePlan.tree(plan).toPrettyString() + "\n" : NamespacePlan.yaml(plan));
            out.flush();
            return 0;
        }
    }
}
