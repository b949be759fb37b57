package dev.meshdeck.app.wiring;

import dev.meshdeck.app.cli.SourceOptions;
import dev.meshdeck.app.window.AwsTargets;
import dev.meshdeck.connectors.aws.AwsDetection;
import dev.meshdeck.connectors.aws.AwsSettings;
import dev.meshdeck.connectors.aws.LambdaCatalog;
import dev.meshdeck.connectors.gcp.CloudRunCatalog;
import dev.meshdeck.connectors.gcp.GcpDetection;
import dev.meshdeck.connectors.gcp.GcpSettings;
import dev.meshdeck.connectors.history.DataDirectory;
import dev.meshdeck.connectors.kube.FunctionLabelRules;
import dev.meshdeck.connectors.kube.KubeCatalog;
import dev.meshdeck.connectors.kube.Kubeconfigs;
import dev.meshdeck.connectors.writes.WritePaths;
import dev.meshdeck.core.inventory.CombinedCatalog;
import dev.meshdeck.core.inventory.FunctionCatalog;
import dev.meshdeck.sandbox.Sandbox;
import dev.meshdeck.sandbox.cloudrun.CloudRunControlPlane;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogs a command works on, resolved from the options and the environment. With no kubeconfig at
 * all (and when allowed) the embedded sandbox is started and used instead.
 */
public final class Sources implements AutoCloseable {

    private static final String KUBECONFIG_STEP = "Kubeconfig";
    private static final String AWS_STEP = "AWS";
    private static final String SANDBOX_STEP = "Sandbox (Kubernetes API, Lambda control plane, traffic)";

    private final Kubeconfigs kubeconfigs;
    private final KubeCatalog kube;
    private final Optional<LambdaCatalog> lambda;
    private final AwsTargets aws;
    private final Optional<Sandbox> sandbox;
    private final Optional<GcpSettings> gcp;
    private final Optional<CloudRunCatalog> cloudRun;
    private final FunctionCatalog catalog;

    private Sources(Kubeconfigs kubeconfigs, KubeCatalog kube, Optional<AwsSettings> aws, Optional<GcpSettings> gcp,
                    Optional<Sandbox> sandbox) {
        this.kubeconfigs = kubeconfigs;
        this.kube = kube;
        this.lambda = aws.map(LambdaCatalog::new);
        this.aws = new AwsTargets(aws, lambda, sandbox.map(Sandbox::lambdaEndpoint).orElse(null));
        this.sandbox = sandbox;
        this.gcp = gcp;
        this.cloudRun = gcp.map(CloudRunCatalog::new);
        List<FunctionCatalog> catalogs = new ArrayList<>(List.of(kube, this.aws.catalog()));
        cloudRun.ifPresent(catalogs::add);
        this.catalog = new CombinedCatalog(catalogs);
    }

    /**
     * @param sandboxWhenEmpty start the sandbox when no kubeconfig exists (the window); the headless
     *                         commands say what is missing instead
     * @param sandboxSize      synthetic functions added to the sandbox estate
     */
    public static Sources resolve(SourceOptions options, boolean forceSandbox, boolean sandboxWhenEmpty, int sandboxSize) {
        return resolve(options, forceSandbox, sandboxWhenEmpty, sandboxSize, StartupProgress.NONE, false);
    }

    /**
     * {@link #resolve(SourceOptions, boolean, boolean, int)}, telling {@code progress} each step (the window's start);
     * the window shows each context's functions before its slower lists (pods, policies) are in.
     */
    public static Sources resolve(SourceOptions options, boolean forceSandbox, boolean sandboxWhenEmpty, int sandboxSize,
                                  StartupProgress progress) {
        return resolve(options, forceSandbox, sandboxWhenEmpty, sandboxSize, progress, true);
    }

    private static Sources resolve(SourceOptions options, boolean forceSandbox, boolean sandboxWhenEmpty, int sandboxSize,
                                   StartupProgress progress, boolean earlyRows) {
        KubeCatalog.Options kubeOptions = kubeOptions(options, earlyRows);
        progress.begin(KUBECONFIG_STEP);
        Kubeconfigs kubeconfigs = Kubeconfigs.fromOption(options.kubeconfig);
        boolean noKubeconfig = kubeconfigs.files().isEmpty() && kubeconfigs.problems().isEmpty();
        progress.done(KUBECONFIG_STEP, noKubeconfig ? "none found" : kubeconfigs.contexts().size() + " contexts");
        if (forceSandbox || (sandboxWhenEmpty && noKubeconfig)) {
            return sandbox(kubeOptions, sandboxSize, progress);
        }
        KubeCatalog kube = new KubeCatalog(kubeconfigs, kubeOptions);
        kube.connectAhead();
        progress.begin(AWS_STEP);
        Optional<AwsSettings> aws;
        Optional<GcpSettings> gcp;
        try {
            aws = AwsDetection.detect(options.awsProfile, options.regions);
            gcp = GcpDetection.detect(options.gcpProjects, options.gcpRegions);
        } catch (RuntimeException e) {
            kube.close();
            throw e;
        }
        progress.done(AWS_STEP, aws.map(a -> "regions " + String.join(", ", a.regions())).orElse("not configured"));
        if (noKubeconfig && aws.isEmpty() && gcp.isEmpty()) {
            kube.close();
            throw new IllegalStateException("no kubeconfig found ($KUBECONFIG or ~/.kube/config) and no AWS configuration; "
                    + "to try MeshDeck, run `meshdeck sandbox --env-out sandbox.env` and `source sandbox.env` in another shell");
        }
        return new Sources(kubeconfigs, kube, aws, gcp, Optional.empty());
    }

    private static Sources sandbox(KubeCatalog.Options kubeOptions, int sandboxSize, StartupProgress progress) {
        progress.begin(SANDBOX_STEP);
        Sandbox sandbox = Sandbox.start(0, 0, sandboxSize);
        progress.done(SANDBOX_STEP, "Kubernetes API " + sandbox.kubeUrl() + ", Lambda " + sandbox.lambdaEndpoint());
        try {
            Kubeconfigs kubeconfigs = Kubeconfigs.load(List.of(sandbox.kubeconfig()));
            KubeCatalog kube = new KubeCatalog(kubeconfigs, kubeOptions);
            AwsSettings lambda = AwsSettings.sandbox(sandbox.lambdaEndpoint(), List.of(sandbox.region()));
            GcpSettings cloudRun = new GcpSettings(Optional.of(sandbox.cloudRunEndpoint()),
                    List.of(CloudRunControlPlane.DEFAULT_PROJECT), List.of(CloudRunControlPlane.DEFAULT_REGION));
            return new Sources(kubeconfigs, kube, Optional.of(lambda), Optional.of(cloudRun), Optional.of(sandbox));
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    private static KubeCatalog.Options kubeOptions(SourceOptions options, boolean earlyRows) {
        KubeCatalog.Options o = KubeCatalog.Options.defaults().withContexts(Set.copyOf(options.contexts));
        o = earlyRows ? o.withEarlyRows() : o;
        return options.functionLabels == null ? o : o.withLabelRules(FunctionLabelRules.parse(options.functionLabels));
    }

    /** Where changes to these sources are written: the same kubeconfigs and AWS settings, not read again. */
    public WritePaths writePaths() {
        return new WritePaths(kubeconfigs, aws.settings(), gcp);
    }

    /** Cloud Run in the Google Cloud projects and regions configured, if any. */
    public Optional<CloudRunCatalog> cloudRun() {
        return cloudRun;
    }

    /** The kubeconfig files the catalogs were built from (to open more clients on the same contexts). */
    public Kubeconfigs kubeconfigs() {
        return kubeconfigs;
    }

    public KubeCatalog kube() {
        return kube;
    }

    /** The Lambda catalog the command started with (the window may switch to others: see {@link #aws()}). */
    public Optional<LambdaCatalog> lambda() {
        return lambda;
    }

    /** The AWS profile and regions scanned, switchable from the window's picker. */
    public AwsTargets aws() {
        return aws;
    }

    public FunctionCatalog catalog() {
        return catalog;
    }

    public boolean isSandbox() {
        return sandbox.isPresent();
    }

    public Optional<Sandbox> sandbox() {
        return sandbox;
    }

    /** Where change sets are recorded: the built-in sandbox keeps its own, the rest share the user's. */
    public Path dataDirectory() {
        return sandbox.map(Sandbox::dataDirectory).orElseGet(DataDirectory::resolve);
    }

    @Override
    public void close() {
        try {
            catalog.close();
        } finally {
            sandbox.ifPresent(Sandbox::close);
        }
    }
}
