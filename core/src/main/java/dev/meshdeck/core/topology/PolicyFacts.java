package dev.meshdeck.core.topology;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.meshdeck.core.authz.PeerAuthenticationPolicy;
import dev.meshdeck.core.gateways.IngressGateway;
import dev.meshdeck.core.inventory.LambdaUrlHosts;
import dev.meshdeck.core.inventory.MeshResource;
import dev.meshdeck.core.routing.Destination;
import dev.meshdeck.core.routing.HttpRoute;
import dev.meshdeck.core.routing.MatchRule;
import dev.meshdeck.core.routing.StringMatch;
import dev.meshdeck.core.routing.WeightedDestination;
import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettingsTLSmode;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.security.v1.PeerAuthentication;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a function's mesh resources (as {@code FunctionCatalog.resourcesOf} returns them) tell the graph: the
 * routes out of its VirtualServices, the gateways that expose it and the badges its policies earn.
 * Resources that cannot be read are skipped: the graph shows what it can.
 */
public record PolicyFacts(List<ConfiguredRoute> routes, List<String> gateways, Set<Badge> badges) {

    public static final PolicyFacts NONE = new PolicyFacts(List.of(), List.of(), Set.of());

    private static final Logger LOG = LoggerFactory.getLogger(PolicyFacts.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public PolicyFacts {
        routes = List.copyOf(routes);
        gateways = List.copyOf(gateways);
        badges = badges.isEmpty() ? Set.of() : Set.copyOf(badges);
    }

    public static PolicyFacts read(List<MeshResource> resources) {
        List<ConfiguredRoute> routes = new ArrayList<>();
        List<String> gateways = new ArrayList<>();
        Set<Badge> badges = EnumSet.noneOf(Badge.class);
        for (MeshResource resource : resources) {
            try {
                switch (resource.kind()) {
                    case "VirtualService" -> readVirtualService(YAML.readValue(resource.yaml(), VirtualService.class),
                            resource, routes, gateways, badges);
                    case "DestinationRule" -> readDestinationRule(YAML.readValue(resource.yaml(), DestinationRule.class), badges);
                    case "PeerAuthentication" -> {
                        PeerAuthenticationPolicy pa = PeerAuthenticationPolicy.from(
                                YAML.readValue(resource.yaml(), PeerAuthentication.class));
                        if (pa.mode() == PeerAuthenticationPolicy.MtlsMode.STRICT) {
                            badges.add(Badge.MTLS);
                        }
                    }
                    case "AuthorizationPolicy" -> badges.add(Badge.AUTHZ);
                    default -> {
                        // the function's own objects and other policy kinds draw no edge and earn no badge
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("topology: skipping unreadable {}: {}", resource.title(), e.getMessage());
            }
        }
        Set<String> ownUrls = urlHosts(resources);
        routes.removeIf(r -> ownUrls.contains(r.host()));
        return new PolicyFacts(routes, gateways, badges);
    }

    /**
     * A Lambda function's resources hold the VirtualServices of its URL hosts: a route there to the URL itself
     * is the mesh's callers reaching the function, not an edge out of it.
     */
    private static Set<String> urlHosts(List<MeshResource> resources) {
        try {
            return LambdaUrlHosts.in(resources);
        } catch (RuntimeException e) {
            LOG.debug("topology: skipping unreadable Lambda function URLs: {}", e.getMessage());
            return Set.of();
        }
    }

    private static void readVirtualService(VirtualService vs, MeshResource resource, List<ConfiguredRoute> routes,
                                           List<String> gateways, Set<Badge> badges) {
        String namespace = resource.namespace();
        String scope = resource.source() == null ? null : resource.source().id();
        var spec = vs.getSpec();
        if (spec == null || spec.getHttp() == null) {
            return;
        }
        if (spec.getGateways() != null) {
            spec.getGateways().forEach(g -> IngressGateway.referenced(g, namespace).ifPresent(gateways::add));
        }
        for (HTTPRoute raw : spec.getHttp()) {
            HttpRoute route;
            try {
                route = HttpRoute.from(raw);
            } catch (RuntimeException redirectOrDirectResponse) {
                continue;
            }
            String condition = condition(route.matches());
            EdgeKind kind = route.catchesAll() ? EdgeKind.ROUTE : EdgeKind.CONDITIONAL_ROUTE;
            for (WeightedDestination d : route.split().destinations()) {
                routes.add(toRoute(d.destination(), namespace, scope, kind, d.weight(), condition));
            }
            if (route.mirror() != null) {
                Double percent = route.mirror().percent();
                routes.add(toRoute(route.mirror().destination(), namespace, scope, EdgeKind.MIRROR,
                        percent == null ? Double.NaN : percent, ""));
            }
            if (route.fault() != null) {
                badges.add(Badge.FAULT);
            }
        }
    }

    private static ConfiguredRoute toRoute(Destination d, String namespace, String scope, EdgeKind kind, double weight,
                                           String condition) {
        return new ConfiguredRoute(d.host(), namespace, d.label(), kind, weight, condition, scope);
    }

    /** "x-version=v2", "uri^/api", several conditions joined by " | " (match entries are ORed). */
    static String condition(List<MatchRule> matches) {
        return matches.stream().map(PolicyFacts::describe).collect(Collectors.joining(" | "));
    }

    private static String describe(MatchRule m) {
        List<String> parts = new ArrayList<>();
        if (m.uri() != null) {
            parts.add("uri" + describe(m.uri()));
        }
        if (m.method() != null) {
            parts.add("method" + describe(m.method()));
        }
        for (Map.Entry<String, StringMatch> header : m.headers().entrySet()) {
            parts.add(header.getKey() + describe(header.getValue()));
        }
        return String.join(" & ", parts);
    }

    private static String describe(StringMatch match) {
        if (match instanceof StringMatch.Exact e) {
            return "=" + e.value();
        }
        if (match instanceof StringMatch.Prefix p) {
            return "^" + p.value();
        }
        if (match instanceof StringMatch.Regex r) {
            return "~" + r.value();
        }
        return "?";
    }

    private static void readDestinationRule(DestinationRule dr, Set<Badge> badges) {
        if (dr.getSpec() == null) {
            return;
        }
        List<TrafficPolicy> policies = new ArrayList<>();
        policies.add(dr.getSpec().getTrafficPolicy());
        if (dr.getSpec().getSubsets() != null) {
            dr.getSpec().getSubsets().forEach(s -> policies.add(s.getTrafficPolicy()));
        }
        for (TrafficPolicy p : policies) {
            if (p == null) {
                continue;
            }
            if (p.getConnectionPool() != null || p.getOutlierDetection() != null) {
                badges.add(Badge.CIRCUIT_BREAKER);
            }
            if (p.getTls() != null && p.getTls().getMode() == ClientTLSSettingsTLSmode.ISTIO_MUTUAL) {
                badges.add(Badge.MTLS);
            }
        }
    }
}
