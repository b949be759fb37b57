package dev.meshdeck.connectors.aws;

import dev.meshdeck.core.inventory.FunctionCatalog;
import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.logs.LogSource;
import dev.meshdeck.core.inventory.Inventory;
import dev.meshdeck.core.inventory.InventoryEvent;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.inventory.SourceStatus;
import dev.meshdeck.core.workloads.LambdaConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.AliasConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Discovers AWS Lambda functions of one account, several regions in parallel, each reporting its progress as
 * CONNECTING statuses ("reading aliases of 120 Lambda functions: 50 done"). Failures become source statuses with a
 * message for the user, never exceptions: a region heard from before that stops answering is STALE (its functions
 * kept, as of when it last answered), throttling is DEGRADED, credentials and the rest FAILED. Live mode lists again
 * every {@link AwsSettings#pollInterval()} (Lambda has no watch API) and, between lists, asks a region that was
 * silent for {@link #QUIET} for one function ({@link #PROBE_TIMEOUT}), so that silence is noticed within seconds; a
 * stale region that answers the probe is listed again at once.
 */
public final class LambdaCatalog implements FunctionCatalog {

    /** Account shown when neither STS nor any function ARN revealed it. */
    public static final String UNKNOWN_ACCOUNT = "unknown";

    /** A progress status every this many functions while aliases are read (one call per function). */
    static final int PROGRESS_EVERY = 25;

    /**
     * ListAliases calls in flight at once: one call per function read one after another made a thousand
     * functions wait a thousand round trips; more than a few at once only meets Lambda's API throttling.
     */
    static final int ALIAS_READS = 8;
    /** A region not heard from for this long is probed. */
    static final Duration QUIET = Duration.ofSeconds(3);
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(LambdaCatalog.class);

    private final AwsSettings settings;
    private final AwsClients clients;
    private final ExecutorService scanners;
    private final ExecutorService aliasReaders;
    private final ScheduledExecutorService poller;
    private final ScheduledExecutorService prober;
    private final Map<String, SourceStatus.State> lastState = new ConcurrentHashMap<>();
    /** When each region last answered anything, by region name: the age of its functions once it stops. */
    private final Map<String, Instant> lastHeard = new ConcurrentHashMap<>();
    /** Each region as last listed, with the account learned then: how its later states name it. */
    private final Map<String, SourceRef.AwsRegion> listedAs = new ConcurrentHashMap<>();
    /** Each region's functions as last listed: what a region that answers again has changed since. */
    private final Map<String, List<ServerlessFunction>> listed = new ConcurrentHashMap<>();
    private volatile String account;

    public LambdaCatalog(AwsSettings settings) {
        this.settings = settings;
        this.clients = new AwsClients(settings);
        this.scanners = Executors.newFixedThreadPool(Math.min(4, settings.regions().size()), daemon("lambda-scan"));
        this.poller = Executors.newSingleThreadScheduledExecutor(daemon("lambda-poll"));
        this.aliasReaders = Executors.newFixedThreadPool(ALIAS_READS, daemon("lambda-aliases"));
        this.prober = Executors.newSingleThreadScheduledExecutor(daemon("lambda-probe"));
    }

    /** One source per configured region; the account is {@value #UNKNOWN_ACCOUNT} until discovery resolved it. */
    @Override
    public List<SourceRef> sources() {
        String known = account == null ? UNKNOWN_ACCOUNT : account;
        return settings.regions().stream().<SourceRef>map(r -> source(known, r)).toList();
    }

    @Override
    public void start(Consumer<InventoryEvent> listener, boolean live) {
        if (live) {
            poller.scheduleWithFixedDelay(() -> scanAll(listener), 0, settings.pollInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
            prober.scheduleWithFixedDelay(() -> probeQuiet(listener), QUIET.toMillis(), 1000, TimeUnit.MILLISECONDS);
        } else {
            poller.execute(() -> scanAll(listener));
        }
    }

    /** Scans every region once, in parallel, and returns what {@link #start} would report. Blocks. */
    public List<InventoryEvent> discover() {
        List<InventoryEvent> events = Collections.synchronizedList(new ArrayList<>());
        scanAll(events::add);
        return List.copyOf(events);
    }

    /**
     * The function's configuration (environment values masked, with tags) and its aliases.
     *
     * @throws IllegalStateException with a message for the user when AWS cannot be reached or refuses
     */
    @Override
    public List<MeshResource> resourcesOf(FunctionId id) {
        if (id.platform() != Platform.LAMBDA || !(id.source() instanceof SourceRef.AwsRegion source)) {
            return List.of();
        }
        return reading(id, source, lambda -> {
            GetFunctionResponse function = lambda.getFunction(r -> r.functionName(id.name()));
            List<AliasConfiguration> aliases = aliases(lambda, id.name());
            List<MeshResource> resources = new ArrayList<>();
            resources.add(LambdaResources.function(function.configuration(), function.tags(),
                    function.concurrency() == null ? null : function.concurrency().reservedConcurrentExecutions(),
                    urls(lambda, id.name(), aliases)));
            aliases.forEach(a -> resources.add(LambdaResources.alias(id.name(), a)));
            return resources;
        });
    }

    /**
     * The function's runtime, memory, timeout, reserved concurrency and the names of its environment variables (the
     * values are not kept); empty for a function that is not a Lambda function of this catalogue.
     *
     * @throws IllegalStateException with a message for the user when AWS cannot be reached or refuses
     */
    public Optional<LambdaConfig> configOf(FunctionId id) {
        if (id.platform() != Platform.LAMBDA || !(id.source() instanceof SourceRef.AwsRegion source)) {
            return Optional.empty();
        }
        return Optional.of(reading(id, source, lambda -> {
            GetFunctionResponse function = lambda.getFunction(r -> r.functionName(id.name()));
            FunctionConfiguration c = function.configuration();
            List<String> environment = c.environment() == null || c.environment().variables() == null ? List.of()
                    : c.environment().variables().keySet().stream().sorted().toList();
            Map<String, Integer> provisioned = new TreeMap<>();
            // the config names its alias or version as the last part of its qualified ARN
            lambda.listProvisionedConcurrencyConfigsPaginator(r -> r.functionName(id.name())).provisionedConcurrencyConfigs()
                    .forEach(p -> provisioned.put(p.functionArn().substring(p.functionArn().lastIndexOf(':') + 1),
                            p.requestedProvisionedConcurrentExecutions()));
            return new LambdaConfig(c.runtimeAsString(), c.memorySize(), c.timeout(),
                    Optional.ofNullable(function.concurrency()).map(x -> x.reservedConcurrentExecutions()), environment,
                    provisioned);
        }));
    }

    /** The functions' logs in CloudWatch Logs, read with this catalogue's credentials and endpoints. */
    public LogSource logs() {
        return new LambdaLogs(clients);
    }

    private <T> T reading(FunctionId id, SourceRef.AwsRegion source, Function<LambdaClient, T> read) {
        try {
            return read.apply(clients.lambda(source.region()));
        } catch (SdkException e) {
            throw new IllegalStateException("Cannot read Lambda function " + id.name() + ": "
                    + AwsFailureMessage.explain(e, settings, source.region()), e);
        }
    }

    @Override
    public void close() {
        prober.shutdownNow();
        poller.shutdownNow();
        scanners.shutdownNow();
        aliasReaders.shutdownNow();
        clients.close();
    }

    private void scanAll(Consumer<InventoryEvent> listener) {
        Optional<String> resolved = resolveAccount();
        CompletableFuture<?>[] scans = settings.regions().stream()
                .map(region -> CompletableFuture.runAsync(() -> scan(region, resolved, listener), scanners))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(scans).join();
    }

    private void scan(String region, Optional<String> resolved, Consumer<InventoryEvent> listener) {
        resolved.ifPresent(a -> report(listener, SourceStatus.connecting(source(a, region))));
        try {
            LambdaClient lambda = clients.lambda(region);
            List<FunctionConfiguration> configs = lambda.listFunctionsPaginator().functions().stream().toList();
            String owner = resolved.or(() -> accountFromArns(configs)).orElse(UNKNOWN_ACCOUNT);
            SourceRef.AwsRegion source = source(owner, region);
            List<CompletableFuture<ServerlessFunction>> reads = new ArrayList<>(configs.size());
            for (FunctionConfiguration config : configs) {
                String name = config.functionName();
                reads.add(CompletableFuture.supplyAsync(() -> LambdaFunctions.toFunction(source, config,
                        aliases(lambda, name), () -> versions(lambda, name)), aliasReaders));
            }
            List<ServerlessFunction> functions = new ArrayList<>(configs.size());
            for (CompletableFuture<ServerlessFunction> read : reads) {
                if (functions.size() % PROGRESS_EVERY == 0) {
                    report(listener, new SourceStatus(source, SourceStatus.State.CONNECTING, "reading aliases of "
                            + configs.size() + " Lambda functions: " + functions.size() + " done"));
                }
                functions.add(joined(read, reads));
            }
            Instant now = heard(region);
            listedAs.put(region, source);
            listener.accept(new InventoryEvent.SourceLoaded(source, functions));
            boolean back = lastState.get(source.id()) == SourceStatus.State.STALE;
            List<ServerlessFunction> before = listed.put(region, List.copyOf(functions));
            String count = functions.size() + " Lambda functions";
            report(listener, new SourceStatus(source, SourceStatus.State.CONNECTED, back && before != null
                    ? Inventory.reconnected(Inventory.changesBetween(before, functions), count) : count, now, now));
        } catch (RuntimeException e) {
            // Any failure, not only SDK ones: an escaping exception would silently end live polling.
            failed(listener, region, e);
        }
    }

    /** The read's function; on its failure the other reads are cancelled and the failure is the scan's. */
    private static ServerlessFunction joined(CompletableFuture<ServerlessFunction> read,
            List<CompletableFuture<ServerlessFunction>> all) {
        try {
            return read.join();
        } catch (CompletionException e) {
            all.forEach(r -> r.cancel(true));
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Reports what a failure says of the region: stale once heard from, degraded when throttled, else failed. */
    private void failed(Consumer<InventoryEvent> listener, String region, RuntimeException e) {
        String message = AwsFailureMessage.explain(e, settings, region);
        Instant heard = lastHeard.get(region);
        SourceRef.AwsRegion source = listedAs.getOrDefault(region, source(account == null ? UNKNOWN_ACCOUNT : account, region));
        // said once per change of state: the probe asks a silent region every second
        if (report(listener, new SourceStatus(source, AwsFailureMessage.state(e, heard != null), message,
                Instant.now().truncatedTo(ChronoUnit.MILLIS), heard))) {
            LOG.warn("{}", message);
        }
        LOG.debug("Lambda failure in {}", region, e);
    }

    private Instant heard(String region) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        lastHeard.put(region, now);
        return now;
    }

    /**
     * Asks each region listed before and silent for {@link #QUIET} for one function: no answer makes it stale within
     * seconds instead of at the next list; a stale region that answers is listed again now.
     */
    private void probeQuiet(Consumer<InventoryEvent> listener) {
        for (String region : settings.regions()) {
            Instant heard = lastHeard.get(region);
            if (heard == null || Duration.between(heard, Instant.now()).compareTo(QUIET) < 0) {
                continue;
            }
            try {
                clients.lambda(region).listFunctions(r -> r.maxItems(1)
                        .overrideConfiguration(c -> c.apiCallTimeout(PROBE_TIMEOUT)));
                heard(region);
                SourceRef.AwsRegion source = listedAs.get(region);
                if (source != null && lastState.get(source.id()) == SourceStatus.State.STALE) {
                    poller.execute(() -> scan(region, Optional.ofNullable(account), listener));
                }
            } catch (RuntimeException e) {
                failed(listener, region, e);
            }
        }
    }

    /**
     * Reports a status when the region's state changes: polling must not flicker "connecting" over a region whose
     * state is known, nor restart the "since" of a region that stays stale or failed.
     */
    private synchronized boolean report(Consumer<InventoryEvent> listener, SourceStatus status) {
        SourceStatus.State last = lastState.get(status.source().id());
        boolean connecting = status.state() == SourceStatus.State.CONNECTING;
        if (connecting ? last != null && last != SourceStatus.State.CONNECTING : status.state() == last) {
            return false;
        }
        lastState.put(status.source().id(), status.state());
        listener.accept(new InventoryEvent.SourceChanged(status));
        return true;
    }

    /**
     * The account from STS GetCallerIdentity, cached; empty when STS is unavailable (discovery then reads it
     * from the function ARNs) or when Lambda is redirected without STS, whose answer would be another account.
     */
    private Optional<String> resolveAccount() {
        if (account != null) {
            return Optional.of(account);
        }
        if (settings.lambdaRedirectedWithoutSts()) {
            return Optional.empty();
        }
        try {
            account = clients.sts().getCallerIdentity().account();
            return Optional.ofNullable(account);
        } catch (SdkException e) {
            LOG.debug("STS GetCallerIdentity failed ({}); the account will come from function ARNs",
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static Optional<String> accountFromArns(List<FunctionConfiguration> configs) {
        // arn:aws:lambda:<region>:<account>:function:<name>
        return configs.stream().map(FunctionConfiguration::functionArn)
                .map(arn -> arn == null ? new String[0] : arn.split(":"))
                .filter(parts -> parts.length > 4 && !parts[4].isEmpty())
                .map(parts -> parts[4])
                .findFirst();
    }

    /** The function's URLs (its own, then its aliases'): where the mesh reaches it through a ServiceEntry. */
    private static List<String> urls(LambdaClient lambda, String function, List<AliasConfiguration> aliases) {
        List<String> qualifiers = new ArrayList<>();
        qualifiers.add(null);
        aliases.forEach(a -> qualifiers.add(a.name()));
        List<String> urls = new ArrayList<>();
        for (String qualifier : qualifiers) {
            try {
                urls.add(lambda.getFunctionUrlConfig(r -> r.functionName(function).qualifier(qualifier)).functionUrl());
            } catch (ResourceNotFoundException none) {
                // no URL for this qualifier: nothing calls it that way
            } catch (LambdaException e) {
                if (e.statusCode() != 403) {
                    throw e;
                }
                // without lambda:GetFunctionUrlConfig the function is still shown; only its mesh entry is unknown
                LOG.debug("Cannot read the URL of Lambda function {}: {}", function, e.getMessage());
                return urls;
            }
        }
        return urls;
    }

    private static List<AliasConfiguration> aliases(LambdaClient lambda, String function) {
        return lambda.listAliasesPaginator(r -> r.functionName(function)).aliases().stream().toList();
    }

    private static List<String> versions(LambdaClient lambda, String function) {
        return lambda.listVersionsByFunctionPaginator(r -> r.functionName(function)).versions().stream()
                .map(FunctionConfiguration::version).toList();
    }

    private SourceRef.AwsRegion source(String owner, String region) {
        return new SourceRef.AwsRegion(owner, region, settings.profile());
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
