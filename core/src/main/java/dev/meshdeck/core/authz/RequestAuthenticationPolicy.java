package dev.meshdeck.core.authz;

import io.fabric8.istio.api.api.security.v1beta1.JWTRule;
import io.fabric8.istio.api.api.security.v1beta1.RequestAuthenticationBuilder;
import io.fabric8.istio.api.security.v1.RequestAuthentication;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A RequestAuthentication: which JWTs the selected workloads accept. It rejects invalid tokens but lets
 * requests without a token through; pair it with an AccessPolicy on {@code requestPrincipals} to require one.
 */
public record RequestAuthenticationPolicy(String namespace, String name, Map<String, String> selector,
                                          List<JwtRule> jwtRules) {

    public RequestAuthenticationPolicy {
        selector = Workloads.ordered(selector);
        jwtRules = jwtRules == null ? List.of() : List.copyOf(jwtRules);
    }

    public RequestAuthenticationPolicy addingRule(JwtRule rule) {
        List<JwtRule> copy = new ArrayList<>(jwtRules);
        copy.add(rule);
        return new RequestAuthenticationPolicy(namespace, name, selector, copy);
    }

    public RequestAuthentication toRequestAuthentication() {
        return applyTo(new io.fabric8.istio.api.security.v1.RequestAuthenticationBuilder()
                .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
                .withNewSpec().endSpec().build());
    }

    /** Rules are matched by position; fields this model does not edit (jwks, outputClaimToHeaders...) are kept. */
    public RequestAuthentication applyTo(RequestAuthentication existing) {
        var spec = existing.getSpec() == null ? new io.fabric8.istio.api.api.security.v1beta1.RequestAuthentication()
                : existing.getSpec();
        List<JWTRule> current = spec.getJwtRules() == null ? List.of() : spec.getJwtRules();
        List<JWTRule> out = new ArrayList<>();
        for (int i = 0; i < jwtRules.size(); i++) {
            JwtRule rule = jwtRules.get(i);
            JWTRule fresh = rule.toFabric8();
            if (i < current.size() && rule.equals(JwtRule.from(current.get(i)))) {
                out.add(current.get(i));
            } else if (i < current.size()) {
                out.add(new io.fabric8.istio.api.api.security.v1beta1.JWTRuleBuilder(current.get(i))
                        .withIssuer(fresh.getIssuer()).withJwksUri(fresh.getJwksUri())
                        .withAudiences(fresh.getAudiences()).withFromHeaders(fresh.getFromHeaders())
                        .withFromParams(fresh.getFromParams()).withForwardOriginalToken(fresh.getForwardOriginalToken())
                        .build());
            } else {
                out.add(fresh);
            }
        }
        return new io.fabric8.istio.api.security.v1.RequestAuthenticationBuilder(existing)
                .withSpec(new RequestAuthenticationBuilder(spec)
                        .withSelector(Workloads.selector(selector))
                        .withJwtRules(out.isEmpty() ? null : out)
                        .build())
                .build();
    }

    public static RequestAuthenticationPolicy from(RequestAuthentication ra) {
        var spec = ra.getSpec();
        return new RequestAuthenticationPolicy(ra.getMetadata().getNamespace(), ra.getMetadata().getName(),
                Workloads.labels(spec.getSelector()),
                spec.getJwtRules() == null ? List.of() : spec.getJwtRules().stream().map(JwtRule::from).toList());
    }
}
