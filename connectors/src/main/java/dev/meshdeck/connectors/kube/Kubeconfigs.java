package dev.meshdeck.connectors.kube;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.meshdeck.core.inventory.SourceRef;
import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The kubeconfig files in effect, merged as kubectl merges them: for a context, cluster or user defined in
 * several files the first file wins, and the first {@code current-context} wins. A malformed file is reported
 * in {@link #problems()} and the other files still load. Never logs or reports a credential.
 */
public final class Kubeconfigs {

    /** How long a client waits to connect: an unreachable cluster fails within this. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long one request may take; listing thousands of pods takes a few seconds on a real cluster. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private record Origin<T>(T value, Path file) {
    }

    private final List<Path> files;
    private final Map<String, Origin<NamedContext>> contexts;
    private final Map<String, Origin<NamedCluster>> clusters;
    private final Map<String, Origin<NamedAuthInfo>> users;
    private final String currentContext;
    private final List<String> problems;

    private Kubeconfigs(List<Path> files, Map<String, Origin<NamedContext>> contexts,
                        Map<String, Origin<NamedCluster>> clusters, Map<String, Origin<NamedAuthInfo>> users,
                        String currentContext, List<String> problems) {
        this.files = List.copyOf(files);
        this.contexts = contexts;
        this.clusters = clusters;
        this.users = users;
        this.currentContext = currentContext;
        this.problems = List.copyOf(problems);
    }

    /** The files a {@code --kubeconfig} option names (a path-separator list), else {@link #fromEnvironment()}. */
    public static Kubeconfigs fromOption(String pathList) {
        return pathList != null ? load(parsePathList(pathList)) : fromEnvironment();
    }

    /**
     * The files of {@code $KUBECONFIG} (a path-separator list), else {@code ~/.kube/config}. Files that do not
     * exist are skipped, as kubectl skips them.
     */
    public static Kubeconfigs fromEnvironment() {
        String env = System.getenv("KUBECONFIG");
        List<Path> paths = env == null || env.isBlank()
                ? List.of(Path.of(System.getProperty("user.home"), ".kube", "config"))
                : parsePathList(env);
        return load(paths.stream().filter(Files::exists).toList());
    }

    /** Splits a {@code KUBECONFIG}-style list on the platform's path separator, ignoring empty entries. */
    public static List<Path> parsePathList(String list) {
        return Arrays.stream(list.split(File.pathSeparator))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Path::of)
                .toList();
    }

    /** Loads exactly these files (as given with {@code --kubeconfig}); a missing file is a problem. */
    public static Kubeconfigs load(List<Path> paths) {
        Map<String, Origin<NamedContext>> contexts = new LinkedHashMap<>();
        Map<String, Origin<NamedCluster>> clusters = new LinkedHashMap<>();
        Map<String, Origin<NamedAuthInfo>> users = new LinkedHashMap<>();
        String current = null;
        List<String> problems = new ArrayList<>();
        for (Path path : paths) {
            Config config;
            try {
                config = parse(path);
            } catch (IOException | RuntimeException e) {
                problems.add(describeLoadFailure(path, e));
                continue;
            }
            if (config == null) {
                continue;
            }
            mergeFirstWins(contexts, config.getContexts(), NamedContext::getName, path);
            mergeFirstWins(clusters, config.getClusters(), NamedCluster::getName, path);
            mergeFirstWins(users, config.getUsers(), NamedAuthInfo::getName, path);
            if (current == null && config.getCurrentContext() != null && !config.getCurrentContext().isEmpty()) {
                current = config.getCurrentContext();
            }
        }
        return new Kubeconfigs(paths, contexts, clusters, users, current, problems);
    }

    private static Config parse(Path path) throws IOException {
        String text = Files.readString(path);
        return text.isBlank() ? null : Serialization.yamlMapper().readValue(text, Config.class);
    }

    private static String describeLoadFailure(Path path, Exception e) {
        if (e instanceof NoSuchFileException) {
            return "kubeconfig " + path + " does not exist: check the path given with --kubeconfig or KUBECONFIG";
        }
        if (e instanceof JsonProcessingException j) {
            JsonLocation at = j.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            // The original message holds no file content beyond the offending token, never a whole credential line.
            String what = firstLine(j.getOriginalMessage());
            return "kubeconfig " + path + " is not valid" + where + ": " + what
                    + " (its contexts are skipped; fix the file, the other files are loaded)";
        }
        return "kubeconfig " + path + " cannot be read: " + e.getMessage();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable YAML";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static <T> void mergeFirstWins(Map<String, Origin<T>> merged, List<T> entries, Function<T, String> name, Path file) {
        if (entries != null) {
            entries.stream()
                    .filter(e -> e != null && name.apply(e) != null)
                    .forEach(e -> merged.putIfAbsent(name.apply(e), new Origin<>(e, file)));
        }
    }

    /** The files considered, in merge order. */
    public List<Path> files() {
        return files;
    }

    /** Every context of every file, in file order; cluster and server are empty when the context's cluster is missing. */
    public List<SourceRef.KubeContext> contexts() {
        return contexts.values().stream().map(o -> {
            String clusterName = o.value().getContext() == null ? "" : nullToEmpty(o.value().getContext().getCluster());
            Origin<NamedCluster> cluster = clusters.get(clusterName);
            String server = cluster == null || cluster.value().getCluster() == null ? ""
                    : nullToEmpty(cluster.value().getCluster().getServer());
            return new SourceRef.KubeContext(o.value().getName(), clusterName, server);
        }).toList();
    }

    public Optional<String> currentContext() {
        return Optional.ofNullable(currentContext);
    }

    /** The name of the kubeconfig user entry {@code context} authenticates as: a name, never a credential. */
    public Optional<String> userOf(String context) {
        Origin<NamedContext> ctx = contexts.get(context);
        return ctx == null || ctx.value().getContext() == null ? Optional.empty()
                : Optional.ofNullable(ctx.value().getContext().getUser()).filter(u -> !u.isEmpty());
    }

    /** One message per file that could not be loaded, naming the file and what is wrong. */
    public List<String> problems() {
        return problems;
    }

    /** A client for {@code context} with {@link #DEFAULT_CONNECT_TIMEOUT} and {@link #DEFAULT_REQUEST_TIMEOUT}. */
    public KubernetesClient newClient(String context) {
        return newClient(context, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    /**
     * A fabric8 client for {@code context}. Authentication is fabric8's: tokens, client certificates, exec
     * plugins and auth providers as the kubeconfig declares them.
     *
     * @throws IllegalArgumentException when the context is unknown or refers to a cluster or user no file defines
     */
    public KubernetesClient newClient(String context, Duration connectTimeout, Duration requestTimeout) {
        return builder(context, connectTimeout, requestTimeout).build();
    }

    /**
     * {@link #newClient(String, Duration, Duration)} that calls {@code heard} as each piece of any answer arrives: a
     * long list still arriving proves the server alive long before it ends.
     */
    KubernetesClient newClient(String context, Duration connectTimeout, Duration requestTimeout, Runnable heard) {
        return builder(context, connectTimeout, requestTimeout)
                .withHttpClientBuilderConsumer(http -> http.addOrReplaceInterceptor("meshdeck-heard", new Interceptor() {
                    @Override
                    public AsyncBody.Consumer<List<ByteBuffer>> consumer(AsyncBody.Consumer<List<ByteBuffer>> consumer,
                                                                         HttpRequest request) {
                        return new AsyncBody.Consumer<>() {
                            @Override
                            public void consume(List<ByteBuffer> value, AsyncBody body) throws Exception {
                                heard.run();
                                consumer.consume(value, body);
                            }

                            @Override
                            public <U> U unwrap(Class<U> type) {
                                return consumer.unwrap(type);
                            }
                        };
                    }
                }))
                .build();
    }

    private KubernetesClientBuilder builder(String context, Duration connectTimeout, Duration requestTimeout) {
        io.fabric8.kubernetes.client.Config config = clientConfig(context);
        config.setConnectionTimeout((int) connectTimeout.toMillis());
        config.setRequestTimeout((int) requestTimeout.toMillis());
        // fabric8 retries failed requests with backoff by default; an unreachable cluster must fail at once.
        config.setRequestRetryBackoffLimit(0);
        return new KubernetesClientBuilder().withConfig(config);
    }

    private io.fabric8.kubernetes.client.Config clientConfig(String context) {
        Origin<NamedContext> ctx = contexts.get(context);
        if (ctx == null) {
            throw new IllegalArgumentException("context " + context + " is not defined in any kubeconfig file " + files);
        }
        String clusterName = ctx.value().getContext() == null ? null : ctx.value().getContext().getCluster();
        Origin<NamedCluster> cluster = clusters.get(clusterName);
        if (cluster == null || cluster.value().getCluster() == null) {
            throw new IllegalArgumentException("context " + context + " refers to cluster '" + clusterName
                    + "', which no kubeconfig file defines " + files);
        }
        String userName = ctx.value().getContext().getUser();
        Origin<NamedAuthInfo> user = userName == null ? null : users.get(userName);
        if (userName != null && !userName.isEmpty() && user == null) {
            throw new IllegalArgumentException("context " + context + " refers to user '" + userName
                    + "', which no kubeconfig file defines " + files);
        }

        // One self-contained kubeconfig for this context; relative file paths are made absolute against the
        // file that declared them, as kubectl resolves them.
        Config single = new Config();
        single.setApiVersion("v1");
        single.setKind("Config");
        single.setCurrentContext(context);
        single.setContexts(List.of(ctx.value()));
        single.setClusters(List.of(new NamedCluster(withAbsolutePaths(cluster.value().getCluster(), cluster.file()), clusterName)));
        if (user != null) {
            single.setUsers(List.of(new NamedAuthInfo(userName, withAbsolutePaths(user.value().getUser(), user.file()))));
        }
        return io.fabric8.kubernetes.client.Config.fromKubeconfig(context, Serialization.asYaml(single),
                ctx.file().toAbsolutePath().toString());
    }

    private static Cluster withAbsolutePaths(Cluster cluster, Path file) {
        Cluster copy = Serialization.clone(cluster);
        copy.setCertificateAuthority(absolute(copy.getCertificateAuthority(), file));
        return copy;
    }

    private static AuthInfo withAbsolutePaths(AuthInfo user, Path file) {
        if (user == null) {
            return null;
        }
        AuthInfo copy = Serialization.clone(user);
        copy.setClientCertificate(absolute(copy.getClientCertificate(), file));
        copy.setClientKey(absolute(copy.getClientKey(), file));
        copy.setTokenFile(absolute(copy.getTokenFile(), file));
        return copy;
    }

    private static String absolute(String path, Path declaringFile) {
        if (path == null || path.isEmpty() || Path.of(path).isAbsolute()) {
            return path;
        }
        Path dir = declaringFile.toAbsolutePath().getParent();
        return dir == null ? path : dir.resolve(path).toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
