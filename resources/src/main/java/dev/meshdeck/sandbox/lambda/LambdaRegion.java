package dev.meshdeck.sandbox.lambda;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The Lambda functions of one account in one region, with Lambda's own rules for versions and aliases.
 * Every method is synchronized: the HTTP server calls it from several threads.
 */
final class LambdaRegion {

    /** {@code $LATEST} first, then published versions by number. */
    static final Comparator<String> VERSION_ORDER = Comparator
            .comparing((String v) -> !FunctionConfig.LATEST.equals(v))
            .thenComparing(v -> FunctionConfig.LATEST.equals(v) ? 0L : Long.parseLong(v));

    static final int ACCOUNT_CONCURRENCY = 1000;
    static final int MIN_UNRESERVED = 100;

    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private final String region;
    private final String account;
    private final Random router;
    private final TreeMap<String, FunctionEntry> functions = new TreeMap<>();
    private final CloudWatchAlarms alarms = new CloudWatchAlarms();

    LambdaRegion(String region, String account, long routingSeed) {
        this.region = region;
        this.account = account;
        this.router = new Random(routingSeed);
    }

    String region() {
        return region;
    }

    /** The region's CloudWatch alarms (not guarded by this region's lock: they have their own). */
    CloudWatchAlarms alarms() {
        return alarms;
    }

    String account() {
        return account;
    }

    String functionArn(String name) {
        return "arn:aws:lambda:" + region + ":" + account + ":function:" + name;
    }

    synchronized int size() {
        return functions.size();
    }

    /** Adds a function with versions 1..n published from successive code, then its aliases (validated). */
    synchronized void add(FunctionSeed seed, Instant firstDeploy) {
        if (functions.containsKey(seed.name())) {
            throw LambdaException.conflict("Function already exist: " + seed.name());
        }
        FunctionEntry entry = new FunctionEntry(seed.tags());
        int deployments = Math.max(1, seed.publishedVersions());
        for (int n = 1; n <= deployments; n++) {
            Instant deployed = firstDeploy.plusSeconds(3600L * n);
            entry.latest = new FunctionConfig(seed.name(), seed.runtime(), seed.handler(), seed.memorySize(),
                    seed.timeout(), seed.description(), seed.environment(), seed.state(),
                    LAST_MODIFIED.format(deployed), sha256(seed.name() + "@" + n), FunctionConfig.LATEST,
                    stableRevision(seed.name(), "latest", n));
            if (n <= seed.publishedVersions()) {
                String version = Integer.toString(n);
                entry.versions.put(version,
                        entry.latest.publishedAs(version, "", stableRevision(seed.name(), version, n)));
            }
        }
        functions.put(seed.name(), entry);
        for (FunctionSeed.AliasSeed a : seed.aliases()) {
            createAlias(seed.name(), a.name(), a.version(), a.description(), a.weights(),
                    stableRevision(seed.name(), "alias:" + a.name(), 0));
        }
    }

    synchronized Page<FunctionConfig> listFunctions(String marker, Integer maxItems) {
        List<FunctionConfig> latest = functions.values().stream().map(e -> e.latest).toList();
        return Page.of(latest, FunctionConfig::name, Comparator.naturalOrder(), marker, maxItems);
    }

    synchronized FunctionConfig configuration(String name, String qualifier) {
        FunctionEntry entry = entry(name);
        if (qualifier == null || qualifier.isEmpty() || FunctionConfig.LATEST.equals(qualifier)) {
            return entry.latest;
        }
        Alias alias = entry.aliases.get(qualifier);
        String version = alias != null ? alias.functionVersion() : qualifier;
        FunctionConfig config = entry.versions.get(version);
        if (config == null) {
            throw LambdaException.notFound("Function not found: " + functionArn(name) + ":" + qualifier);
        }
        return config;
    }

    synchronized Map<String, String> tags(String name) {
        return entry(name).tags;
    }

    synchronized Page<FunctionConfig> versions(String name, String marker, Integer maxItems) {
        FunctionEntry entry = entry(name);
        List<FunctionConfig> all = new ArrayList<>();
        all.add(entry.latest);
        all.addAll(entry.versions.values());
        return Page.of(all, FunctionConfig::version, VERSION_ORDER, marker, maxItems);
    }

    /**
     * Publishes {@code $LATEST} as the next version; when neither its code nor its configuration changed since
     * the last published version, that version is returned instead, as Lambda does. {@code expectedRevision} and
     * {@code expectedSha} are the optimistic-locking preconditions of the real API (either may be null).
     */
    synchronized FunctionConfig publish(String name, String expectedSha, String description, String expectedRevision) {
        FunctionEntry entry = entry(name);
        checkRevision(entry, expectedRevision);
        if (expectedSha != null && !expectedSha.equals(entry.latest.codeSha256())) {
            throw LambdaException.invalidParameter("CodeSHA256 (" + expectedSha
                    + ") is different from current CodeSHA256 in $LATEST (" + entry.latest.codeSha256()
                    + "). Please try again with the CodeSHA256 in $LATEST.");
        }
        if (!entry.versions.isEmpty() && entry.latest.deploysSameAs(entry.versions.lastEntry().getValue())) {
            return entry.versions.lastEntry().getValue();
        }
        String version = Long.toString(entry.versions.isEmpty() ? 1 : Long.parseLong(entry.versions.lastKey()) + 1);
        FunctionConfig published = entry.latest.publishedAs(version, description == null ? "" : description,
                UUID.randomUUID().toString());
        entry.versions.put(version, published);
        return published;
    }

    /** UpdateFunctionConfiguration: changes {@code $LATEST} only; published versions never change. */
    synchronized FunctionConfig updateConfiguration(String name, ConfigurationChange change, String expectedRevision) {
        change.checkConstraints();
        FunctionEntry entry = entry(name);
        checkRevision(entry, expectedRevision);
        entry.latest = entry.latest.with(change, LAST_MODIFIED.format(Instant.now()), UUID.randomUUID().toString());
        return entry.latest;
    }

    /** UpdateFunctionCode: new code in {@code $LATEST}, identified by the SHA-256 of {@code code}. */
    synchronized FunctionConfig updateCode(String name, byte[] code, String expectedRevision) {
        FunctionEntry entry = entry(name);
        checkRevision(entry, expectedRevision);
        entry.latest = entry.latest.withCode(sha256(code), LAST_MODIFIED.format(Instant.now()),
                UUID.randomUUID().toString());
        return entry.latest;
    }

    /** Reserved concurrency of the function, or null when it draws from the account's unreserved pool. */
    synchronized Integer reservedConcurrency(String name) {
        return entry(name).reservedConcurrency;
    }

    /**
     * PutFunctionConcurrency. Lambda keeps {@value #MIN_UNRESERVED} of the account's {@value #ACCOUNT_CONCURRENCY}
     * concurrent executions unreserved.
     */
    synchronized int reserveConcurrency(String name, Integer reserved) {
        if (reserved == null || reserved < 0) {
            throw LambdaException.validation("1 validation error detected: Value '" + reserved
                    + "' at 'reservedConcurrentExecutions' failed to satisfy constraint: Member must have value"
                    + " greater than or equal to 0");
        }
        FunctionEntry entry = entry(name);
        int reservedByOthers = functions.values().stream().filter(e -> e != entry && e.reservedConcurrency != null)
                .mapToInt(e -> e.reservedConcurrency).sum();
        if (ACCOUNT_CONCURRENCY - reservedByOthers - reserved < MIN_UNRESERVED) {
            throw LambdaException.invalidParameter("Specified ReservedConcurrentExecutions for function decreases"
                    + " account's UnreservedConcurrentExecution below its minimum value of [" + MIN_UNRESERVED + "].");
        }
        entry.reservedConcurrency = reserved;
        return reserved;
    }

    synchronized void deleteConcurrency(String name) {
        entry(name).reservedConcurrency = null;
    }

    /**
     * PutProvisionedConcurrencyConfig: on an alias or a published version, never {@code $LATEST}; all of the
     * function's provisioned concurrency must fit in its reserved concurrency when it has some.
     */
    synchronized ProvisionedConcurrency provision(String name, String qualifier, Integer requested) {
        if (requested == null || requested < 1) {
            throw LambdaException.validation("1 validation error detected: Value '" + requested
                    + "' at 'provisionedConcurrentExecutions' failed to satisfy constraint: Member must have value"
                    + " greater than or equal to 1");
        }
        FunctionEntry entry = provisionable(name, qualifier);
        int others = entry.provisioned.values().stream().filter(p -> !p.qualifier().equals(qualifier))
                .mapToInt(ProvisionedConcurrency::requested).sum();
        if (entry.reservedConcurrency != null && others + requested > entry.reservedConcurrency) {
            throw LambdaException.invalidParameter("Requested Provisioned Concurrency should not be greater than the"
                    + " reservedConcurrentExecution for function");
        }
        ProvisionedConcurrency set = new ProvisionedConcurrency(qualifier, requested, LAST_MODIFIED.format(Instant.now()));
        entry.provisioned.put(qualifier, set);
        return set;
    }

    /** GetProvisionedConcurrencyConfig. */
    synchronized ProvisionedConcurrency provisioned(String name, String qualifier) {
        ProvisionedConcurrency found = provisionable(name, qualifier).provisioned.get(qualifier);
        if (found == null) {
            throw LambdaException.provisionedNotFound();
        }
        return found;
    }

    /** DeleteProvisionedConcurrencyConfig. */
    synchronized void deprovision(String name, String qualifier) {
        if (provisionable(name, qualifier).provisioned.remove(qualifier) == null) {
            throw LambdaException.provisionedNotFound();
        }
    }

    /** ListProvisionedConcurrencyConfigs, by qualifier. */
    synchronized List<ProvisionedConcurrency> provisioned(String name) {
        return List.copyOf(entry(name).provisioned.values());
    }

    /** The function, when {@code qualifier} names one of its aliases or published versions. */
    private FunctionEntry provisionable(String name, String qualifier) {
        FunctionEntry entry = entry(name);
        if (qualifier == null || qualifier.isEmpty() || qualifier.equals("$LATEST")) {
            throw LambdaException.invalidParameter("Provisioned Concurrency Configs cannot be applied to unpublished"
                    + " function versions.");
        }
        if (!entry.aliases.containsKey(qualifier) && !entry.versions.containsKey(qualifier)) {
            throw LambdaException.notFound("Function not found: " + functionArn(name) + ":" + qualifier);
        }
        return entry;
    }

    /** What the metrics simulator needs of a function: its {@code $LATEST}, aliases and reserved concurrency. */
    synchronized Optional<FunctionTraffic> traffic(String name) {
        FunctionEntry entry = functions.get(name);
        return entry == null ? Optional.empty()
                : Optional.of(new FunctionTraffic(entry.latest, List.copyOf(entry.aliases.values()),
                        entry.reservedConcurrency));
    }

    private static void checkRevision(FunctionEntry entry, String expectedRevision) {
        if (expectedRevision != null && !expectedRevision.equals(entry.latest.revisionId())) {
            throw LambdaException.preconditionFailed("The Revision Id provided does not match the latest Revision Id."
                    + " Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
        }
    }

    synchronized Page<Alias> aliases(String name, String functionVersion, String marker, Integer maxItems) {
        List<Alias> matching = entry(name).aliases.values().stream()
                .filter(a -> functionVersion == null || a.functionVersion().equals(functionVersion)
                        || a.additionalWeights().containsKey(functionVersion))
                .toList();
        return Page.of(matching, Alias::name, Comparator.naturalOrder(), marker, maxItems);
    }

    synchronized Alias alias(String name, String aliasName) {
        Alias alias = entry(name).aliases.get(aliasName);
        if (alias == null) {
            throw LambdaException.notFound("Alias not found: " + functionArn(name) + ":" + aliasName);
        }
        return alias;
    }

    synchronized Alias createAlias(String name, String aliasName, String version, String description,
                                   Map<String, Double> weights, String revisionId) {
        FunctionEntry entry = entry(name);
        if (aliasName == null || aliasName.isBlank()) {
            throw LambdaException.invalidParameter("The alias name is missing");
        }
        if (aliasName.matches("\\d+") || FunctionConfig.LATEST.equals(aliasName)) {
            throw LambdaException.invalidParameter("Alias name '" + aliasName
                    + "' is a version: an alias name must contain a letter");
        }
        if (entry.aliases.containsKey(aliasName)) {
            throw LambdaException.conflict("Alias already exists: " + functionArn(name) + ":" + aliasName);
        }
        Alias alias = validated(name, entry, new Alias(aliasName, version, description, weights,
                revisionId == null ? UUID.randomUUID().toString() : revisionId));
        entry.aliases.put(aliasName, alias);
        return alias;
    }

    /** Null arguments keep the alias's current value, as UpdateAlias does. */
    synchronized Alias updateAlias(String name, String aliasName, String version, String description,
                                   Map<String, Double> weights, String expectedRevision) {
        FunctionEntry entry = entry(name);
        Alias current = alias(name, aliasName);
        if (expectedRevision != null && !expectedRevision.equals(current.revisionId())) {
            throw LambdaException.preconditionFailed("The Revision Id provided does not match the latest Revision Id."
                    + " Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
        }
        Alias updated = validated(name, entry, new Alias(aliasName,
                version == null ? current.functionVersion() : version,
                description == null ? current.description() : description,
                weights == null ? current.additionalWeights() : weights,
                UUID.randomUUID().toString()));
        entry.aliases.put(aliasName, updated);
        return updated;
    }

    synchronized void deleteAlias(String name, String aliasName) {
        // The real API answers 204 for an alias that does not exist, but 404 for an unknown function.
        entry(name).aliases.remove(aliasName);
    }

    /** The version an invocation runs: an alias splits by its weights, drawn from this region's seeded router. */
    synchronized String executedVersion(String name, String qualifier) {
        FunctionEntry entry = entry(name);
        if (qualifier == null || qualifier.isEmpty() || FunctionConfig.LATEST.equals(qualifier)) {
            return FunctionConfig.LATEST;
        }
        Alias alias = entry.aliases.get(qualifier);
        if (alias == null) {
            return configuration(name, qualifier).version();
        }
        double draw = router.nextDouble();
        double cumulative = 0;
        for (Map.Entry<String, Double> weighted : alias.additionalWeights().entrySet()) {
            cumulative += weighted.getValue();
            if (draw < cumulative) {
                return weighted.getKey();
            }
        }
        return alias.functionVersion();
    }

    /**
     * Lambda's checks of an alias, in its order and with its words: the API model's constraints first
     * (ValidationException), then Lambda's own rules (InvalidParameterValueException), then the versions named.
     */
    private Alias validated(String name, FunctionEntry entry, Alias alias) {
        String version = alias.functionVersion();
        if (version == null || version.isBlank()) {
            throw LambdaException.invalidParameter("FunctionVersion is missing for alias " + alias.name());
        }
        Map<String, Double> weights = alias.additionalWeights();
        for (Map.Entry<String, Double> weighted : weights.entrySet()) {
            Double weight = weighted.getValue();
            String pair = "{" + weighted.getKey() + "=" + weight + "}";
            if (weight == null || !(weight >= 0.0 && weight <= 1.0)) {
                throw LambdaException.validation("1 validation error detected: Value '" + pair
                        + "' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must"
                        + " satisfy constraint: [Member must have value less than or equal to 1.0, Member must have"
                        + " value greater than or equal to 0.0, Member must not be null]");
            }
            if (!weighted.getKey().matches("[0-9]{1,1024}")) {
                throw LambdaException.validation("1 validation error detected: Value '" + pair
                        + "' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map keys must"
                        + " satisfy constraint: [Member must have length less than or equal to 1024, Member must have"
                        + " length greater than or equal to 1, Member must satisfy regular expression pattern: [0-9]+]");
            }
        }
        if (!FunctionConfig.LATEST.equals(version) && !entry.versions.containsKey(version)) {
            throw LambdaException.notFound("Function not found: " + functionArn(name) + ":" + version);
        }
        if (weights.size() > 1) {
            throw LambdaException.invalidParameter("Number of items in AdditionalVersionWeights cannot be greater than 1");
        }
        for (String extra : weights.keySet()) {
            if (extra.equals(version)) {
                throw LambdaException.invalidParameter("Invalid function version " + version + ". Function version "
                        + version + " is already included in routing configuration.");
            }
            if (FunctionConfig.LATEST.equals(version)) {
                throw LambdaException.invalidParameter("$LATEST is not supported for an alias pointing to more than 1 version");
            }
            if (!entry.versions.containsKey(extra)) {
                throw LambdaException.notFound("Function not found: " + functionArn(name) + ":" + extra);
            }
        }
        return alias;
    }

    private FunctionEntry entry(String name) {
        FunctionEntry entry = functions.get(name);
        if (entry == null) {
            throw LambdaException.notFound("Function not found: " + functionArn(name));
        }
        return entry;
    }

    private static String stableRevision(String name, String what, int n) {
        return UUID.nameUUIDFromBytes((name + "/" + what + "/" + n).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Mutable state of one function, only touched under the region's lock. */
    private static final class FunctionEntry {
        final Map<String, String> tags;
        final TreeMap<String, FunctionConfig> versions = new TreeMap<>(VERSION_ORDER);
        final Map<String, Alias> aliases = new TreeMap<>();
        FunctionConfig latest;
        Integer reservedConcurrency;
        final Map<String, ProvisionedConcurrency> provisioned = new TreeMap<>();

        FunctionEntry(Map<String, String> tags) {
            this.tags = Map.copyOf(tags);
        }
    }
}
