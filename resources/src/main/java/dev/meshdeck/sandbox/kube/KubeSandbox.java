package dev.meshdeck.sandbox.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;

/**
 * An in-process Kubernetes API on 127.0.0.1 for the sandbox: fabric8's mock server in CRUD mode, with the
 * CRDs of Istio, Knative, OpenFaaS and Kubeless registered and the gaps a real API server would not have
 * (discovery, dry runs, error Status bodies) filled by {@link SandboxApiDispatcher}.
 *
 * <pre>{@code
 * try (KubeSandbox sandbox = KubeSandbox.start(0)) {
 *     sandbox.seed(Estate.defaultEstate());
 *     sandbox.writeKubeconfig(Path.of("sandbox.kubeconfig"));
 * }
 * }</pre>
 */
public final class KubeSandbox implements AutoCloseable {

    /** The context (and cluster and user) name of the kubeconfig {@link #writeKubeconfig(Path)} writes. */
    public static final String CONTEXT = Kubeconfig.NAME;

    private static final Logger LOG = LoggerFactory.getLogger(KubeSandbox.class);
    /** JUL keeps loggers weakly: hold the one whose level we lower, or the setting is lost on GC. */
    private static final java.util.logging.Logger MOCK_SERVER_LOG =
            java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

    private final KubernetesMockServer server;
    private final SandboxApiDispatcher dispatcher;
    private final String url;
    private final String token;
    private final KubernetesClient client;

    private KubeSandbox(KubernetesMockServer server, SandboxApiDispatcher dispatcher, String url) {
        this.server = server;
        this.dispatcher = dispatcher;
        this.url = url;
        // the sandbox checks no credentials; the token only makes the kubeconfig look like a real one
        this.token = "sandbox-" + UUID.randomUUID();
        this.client = new KubernetesClientBuilder().withConfig(clientConfig(url, token)).build();
    }

    /**
     * Starts the API on 127.0.0.1 and registers the CRDs and the {@code default} namespace.
     *
     * @param port a port, or 0 for any free one
     */
    public static KubeSandbox start(int port) {
        // the mock logs every request at INFO through java.util.logging
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
        MockWebServer webServer = new MockWebServer();
        SandboxApiDispatcher dispatcher = new SandboxApiDispatcher(new DiscoveryDocuments(), webServer);
        KubernetesMockServer server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), webServer,
                new HashMap<>(), dispatcher, false);
        try {
            server.init(InetAddress.getByName("127.0.0.1"), port);
        } catch (UnknownHostException | IllegalStateException e) {
            throw new IllegalStateException("Cannot start the sandbox Kubernetes API on 127.0.0.1:" + port
                    + (port == 0 ? "" : "; is the port already in use? Pick another or pass 0 for any free port"), e);
        }
        KubeSandbox sandbox = new KubeSandbox(server, dispatcher, "http://127.0.0.1:" + server.getPort());
        sandbox.registerCrds();
        LOG.info("Sandbox Kubernetes API listening on {}", sandbox.url);
        return sandbox;
    }

    private void registerCrds() {
        SandboxCrds.all().forEach(crd -> client.apiextensions().v1().customResourceDefinitions().resource(crd).create());
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("default").endMetadata().build())
                .create();
    }

    private static Config clientConfig(String url, String token) {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(url)
                .withOauthToken(token)
                .withNamespace("default")
                .withHttp2Disable(true)
                .build();
    }

    /** A client connected to the sandbox; closed with it. */
    public KubernetesClient client() {
        return client;
    }

    /** Faults to inject into the next writes (tests of what clients do when a write fails). */
    public WriteFaults faults() {
        return dispatcher.faults();
    }

    /** What SelfSubjectAccessReviews answer: allowed, unless a test denies a verb. */
    public AccessReviews accessReviews() {
        return dispatcher.accessReviews();
    }

    /** Where the pods' logs come from ({@code GET .../pods/NAME/log}); until set, pods have written nothing. */
    public void serveLogs(PodLogLines lines) {
        dispatcher.podLogs().serve(lines);
    }

    /** Answers requests to the Service {@code namespace/name} through the API server's proxy with {@code backend}. */
    public void serve(String namespace, String name, ServiceBackend backend) {
        dispatcher.services().serve(namespace, name, backend);
    }

    /** The API's base URL, {@code http://127.0.0.1:<port>}. */
    public String url() {
        return url;
    }

    public int port() {
        return server.getPort();
    }

    /**
     * Writes a kubeconfig whose current context {@code meshdeck-sandbox} points at this sandbox, so that
     * {@code KUBECONFIG=<file> kubectl get ksvc -A} works.
     *
     * @return the file written
     */
    public Path writeKubeconfig(Path file) {
        return Kubeconfig.write(Kubeconfig.of(url, token), file);
    }

    /** Creates every object of the estate through the API, as {@code kubectl create} would. */
    public void seed(Estate estate) {
        EstateSeeder.seed(client, estate);
    }

    /**
     * Puts every object of the estate straight into the store: the same result as {@link #seed(Estate)}
     * (metadata filled in, watchers told) without one HTTP request per object, for estates of tens of
     * thousands of objects.
     *
     * @throws IllegalStateException if an object already exists
     */
    public void preload(Estate estate) {
        long started = System.nanoTime();
        List<HasMetadata> objects = estate.objects();
        dispatcher.preload(objects);
        LOG.info("Preloaded {} objects into the sandbox in {} ms", objects.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
