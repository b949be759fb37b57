package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Rule;
import java.util.List;

/**
 * The checks Istio's admission webhook applies to a VirtualService (istio/istio pkg/config/validation
 * ValidateVirtualService and the route validations it calls), one rule per group of checks. Negative weights and
 * all-zero weights are the routing rules' (MD0202, MD0203); unreachable rules and shadowed matches MD0206/MD0207.
 */
public final class VirtualServiceWebhook {

    private VirtualServiceWebhook() {
    }

    public static List<Rule> rules() {
        return List.of(
                new VirtualServiceHosts(),
                new DuplicateHosts(),
                new Delegation(),
                new RouteActions(),
                new RoutesRequired(),
                new GatewayNames(),
                new LegacyGatewayName(),
                new JwtClaimRouteOffGateway(),
                new MatchStrings(),
                new MatchAttributes(),
                new HeaderOperations(),
                new AuthorityRewrite(),
                new CorsPolicy(),
                new FaultInjection(),
                new FaultAbortWithoutErrorType(),
                new Mirrors(),
                new DeprecatedMirrorPercent(),
                new Redirect(),
                new DirectResponse(),
                new LargeDirectResponse(),
                new Retries(),
                new Rewrite(),
                new Destinations(),
                new HttpTimeout(),
                new TlsRoutes(),
                new SniHostIsIpAddress());
    }
}
