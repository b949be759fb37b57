package dev.meshdeck.core.authz;

import io.fabric8.istio.api.api.security.v1beta1.JWTHeaderBuilder;
import io.fabric8.istio.api.api.security.v1beta1.JWTRule;
import io.fabric8.istio.api.api.security.v1beta1.JWTRuleBuilder;
import java.util.List;

/**
 * How to validate a JWT from one issuer.
 *
 * @param jwksUri              where the public keys are fetched; null: discovered from the issuer
 * @param fromHeaders          where the token is looked for; empty: {@code Authorization: Bearer}
 * @param forwardOriginalToken keep the token on the request forwarded upstream (null: Istio's default, false)
 */
public record JwtRule(String issuer, String jwksUri, List<String> audiences, List<TokenHeader> fromHeaders,
                      List<String> fromParams, Boolean forwardOriginalToken) {

    /** A header carrying the token, with the prefix to strip ({@code "Bearer "}). */
    public record TokenHeader(String name, String prefix) {
    }

    public JwtRule {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("a JWT rule needs an issuer (the token's iss claim)");
        }
        audiences = audiences == null ? List.of() : List.copyOf(audiences);
        fromHeaders = fromHeaders == null ? List.of() : List.copyOf(fromHeaders);
        fromParams = fromParams == null ? List.of() : List.copyOf(fromParams);
    }

    public static JwtRule of(String issuer, String jwksUri) {
        return new JwtRule(issuer, jwksUri, List.of(), List.of(), List.of(), null);
    }

    public JwtRule withAudiences(List<String> values) {
        return new JwtRule(issuer, jwksUri, values, fromHeaders, fromParams, forwardOriginalToken);
    }

    public JwtRule withFromHeaders(List<TokenHeader> values) {
        return new JwtRule(issuer, jwksUri, audiences, values, fromParams, forwardOriginalToken);
    }

    public JwtRule withForwardOriginalToken(boolean forward) {
        return new JwtRule(issuer, jwksUri, audiences, fromHeaders, fromParams, forward);
    }

    public JWTRule toFabric8() {
        return new JWTRuleBuilder()
                .withIssuer(issuer)
                .withJwksUri(jwksUri)
                .withAudiences(audiences.isEmpty() ? null : audiences)
                .withFromHeaders(fromHeaders.isEmpty() ? null : fromHeaders.stream()
                        .map(h -> new JWTHeaderBuilder().withName(h.name()).withPrefix(h.prefix()).build()).toList())
                .withFromParams(fromParams.isEmpty() ? null : fromParams)
                .withForwardOriginalToken(forwardOriginalToken)
                .build();
    }

    public static JwtRule from(JWTRule r) {
        List<TokenHeader> headers = r.getFromHeaders() == null ? List.of() : r.getFromHeaders().stream()
                .map(h -> new TokenHeader(h.getName(), h.getPrefix())).toList();
        return new JwtRule(r.getIssuer(), r.getJwksUri(), r.getAudiences(), headers, r.getFromParams(),
                r.getForwardOriginalToken());
    }
}
