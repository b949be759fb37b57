package dev.meshdeck.core.validation;

import java.util.Optional;

/** The stable identity of a rule: its code, how bad a finding is, and the equivalents in Istio and Kiali. */
public record RuleInfo(
        String code,
        Severity severity,
        Category category,
        String title,
        Optional<String> istioCode,
        Optional<String> kialiCode) {

    public static RuleInfo of(String code, Severity severity, Category category, String title) {
        return new RuleInfo(code, severity, category, title, Optional.empty(), Optional.empty());
    }

    public RuleInfo istio(String ist) {
        return new RuleInfo(code, severity, category, title, Optional.of(ist), kialiCode);
    }

    public RuleInfo kiali(String kia) {
        return new RuleInfo(code, severity, category, title, istioCode, Optional.of(kia));
    }
}
