package dev.meshdeck.sandbox.traffic;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who calls whom and how destinations answer, as read from a traffic file such as
 * {@code sandbox/traffic.yaml} (its header explains the fields).
 *
 * @param seed     makes the noise repeatable
 * @param noise    how far (as a share) rates and error ratios wander around their nominal value
 * @param calls    the edges of the call graph
 * @param profiles response profiles by {@code namespace/service} or {@code lambda/function}; {@code default}
 *                 for the rest
 */
public record CallGraph(long seed, double noise, List<Call> calls, Map<String, ServiceProfile> profiles) {

    public static final String DEFAULT_RESOURCE = "/sandbox/traffic.yaml";
    private static final String DEFAULT_PROFILE = "default";

    public CallGraph {
        calls = List.copyOf(calls);
        profiles = Map.copyOf(profiles);
        if (!profiles.containsKey(DEFAULT_PROFILE)) {
            throw new IllegalArgumentException("the traffic file needs a 'default' entry under profiles");
        }
        if (noise < 0 || noise >= 1) {
            throw new IllegalArgumentException("noise must be in [0, 1), got " + noise);
        }
    }

    /** A caller sending {@code rps} requests per second to a target. */
    public record Call(CallTarget.MeshHost from, CallTarget to, double rps) {
        public Call {
            if (rps < 0) {
                throw new IllegalArgumentException("rps of the call " + from + " -> " + to + " must not be negative");
            }
        }
    }

    /** How a service answers; {@code versions} scale latency and errors of named versions (candidates). */
    public record ServiceProfile(double medianMillis, double spread, double errorRatio, Map<String, VersionFactors> versions) {
        public ServiceProfile {
            versions = versions == null ? Map.of() : Map.copyOf(versions);
        }

        /** @param percent the version's share of the service's traffic now, 0-100 */
        ResponseProfile forVersion(String version, double percent) {
            VersionFactors f = versions.getOrDefault(version, VersionFactors.NONE);
            double errors = f.overloaded(percent) ? f.overloadErrorRatio() : Math.min(1, errorRatio * f.errors());
            return new ResponseProfile(medianMillis * f.latency(), spread, errors);
        }
    }

    /**
     * Factors on a service's median latency and error ratio for one version; an absent factor is 1. A version that
     * breaks under load ({@code overloadAbovePercent}) fails {@code overloadErrorRatio} of its requests once it takes
     * more than that share of the service's traffic: a canary that looks fine at first and degrades as it grows.
     */
    public record VersionFactors(Double latency, Double errors, Double overloadAbovePercent, Double overloadErrorRatio) {
        static final VersionFactors NONE = new VersionFactors(1.0, 1.0, null, null);

        public VersionFactors {
            latency = latency == null ? 1.0 : latency;
            errors = errors == null ? 1.0 : errors;
            if ((overloadAbovePercent == null) != (overloadErrorRatio == null)) {
                throw new IllegalArgumentException("overloadAbovePercent and overloadErrorRatio go together");
            }
            if (overloadErrorRatio != null && (overloadErrorRatio < 0 || overloadErrorRatio > 1)) {
                throw new IllegalArgumentException("overloadErrorRatio must be in [0, 1], got " + overloadErrorRatio);
            }
        }

        /** A version that is only slower or more error-prone. */
        public VersionFactors(Double latency, Double errors) {
            this(latency, errors, null, null);
        }

        boolean overloaded(double percent) {
            return overloadAbovePercent != null && percent > overloadAbovePercent;
        }
    }

    /** The sandbox estate's traffic. */
    public static CallGraph sandboxDefault() {
        try (InputStream in = CallGraph.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " is missing from the build");
            }
            return read(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /** Reads a traffic file; {@code origin} names it in error messages. */
    public static CallGraph read(InputStream in, String origin) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        File file;
        try {
            file = yaml.readValue(in, File.class);
        } catch (IOException e) {
            throw new IOException(origin + ": " + e.getMessage(), e);
        }
        try {
            List<Call> calls = file.calls().stream()
                    .map(c -> new Call(meshHost(c.from()), CallTarget.parse(c.to()), c.rps()))
                    .toList();
            return new CallGraph(file.seed(), file.noise(), calls, file.profiles());
        } catch (IllegalArgumentException e) {
            throw new IOException(origin + ": " + e.getMessage(), e);
        }
    }

    private static CallTarget.MeshHost meshHost(String text) {
        if (CallTarget.parse(text) instanceof CallTarget.MeshHost host) {
            return host;
        }
        throw new IllegalArgumentException("a caller must be a mesh workload (namespace/name), got '" + text + "'");
    }

    /** The response profile of a destination's version while it takes {@code percent} (0-100) of its traffic. */
    public ResponseProfile profileOf(String service, String version, double percent) {
        return profiles.getOrDefault(service, profiles.get(DEFAULT_PROFILE)).forVersion(version, percent);
    }

    /** Every host that calls or is called, in file order: what the routing must resolve. */
    public Set<CallTarget> targets() {
        Set<CallTarget> targets = new LinkedHashSet<>();
        calls.forEach(c -> {
            targets.add(c.from());
            targets.add(c.to());
        });
        return targets;
    }

    private record File(long seed, double noise, List<CallEntry> calls, Map<String, ServiceProfile> profiles) {
        File {
            calls = calls == null ? List.of() : calls;
            profiles = profiles == null ? Map.of() : profiles;
        }
    }

    private record CallEntry(@JsonProperty(required = true) String from, @JsonProperty(required = true) String to,
                             double rps) {
    }
}
