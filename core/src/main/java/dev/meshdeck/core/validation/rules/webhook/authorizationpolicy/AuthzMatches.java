package dev.meshdeck.core.validation.rules.webhook.authorizationpolicy;

import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The parts of an AuthorizationPolicy's rules the webhook checks look at: sources, operations and conditions. */
final class AuthzMatches {

    static final List<String> SOURCE_FIELDS = List.of("principals", "requestPrincipals", "namespaces", "serviceAccounts",
            "trustDomains", "ipBlocks", "remoteIpBlocks", "notPrincipals", "notRequestPrincipals", "notNamespaces",
            "notServiceAccounts", "notTrustDomains", "notIpBlocks", "notRemoteIpBlocks");
    static final List<String> OPERATION_FIELDS = List.of("ports", "methods", "paths", "hosts", "notPorts", "notMethods",
            "notPaths", "notHosts");

    /** One entry of {@code spec.rules} of a candidate AuthorizationPolicy. */
    record AuthzRule(PolicyNode spec, PolicyNode rule) {

        String action() {
            return spec.field("action").text().isEmpty() ? "ALLOW" : spec.field("action").text();
        }

        /** The {@code source} of each {@code from} entry that has one. */
        List<PolicyNode> sources() {
            return parts("from", "source");
        }

        /** The {@code operation} of each {@code to} entry that has one. */
        List<PolicyNode> operations() {
            return parts("to", "operation");
        }

        List<PolicyNode> conditions() {
            return rule.field("when").items();
        }

        /** Every value of the named list fields of the sources. */
        List<PolicyNode> sourceValues(Collection<String> fields) {
            return values(sources(), fields);
        }

        List<PolicyNode> operationValues(Collection<String> fields) {
            return values(operations(), fields);
        }

        /** Every value and notValue of the conditions on one of {@code keys}. */
        List<PolicyNode> conditionValues(Collection<String> keys) {
            List<PolicyNode> values = new ArrayList<>();
            for (PolicyNode condition : conditions()) {
                if (keys.contains(condition.field("key").text())) {
                    values.addAll(condition.field("values").items());
                    values.addAll(condition.field("notValues").items());
                }
            }
            return values;
        }

        private List<PolicyNode> parts(String clause, String part) {
            List<PolicyNode> parts = new ArrayList<>();
            for (PolicyNode entry : rule.field(clause).items()) {
                if (entry.field(part).present()) {
                    parts.add(entry.field(part));
                }
            }
            return parts;
        }

        private static List<PolicyNode> values(List<PolicyNode> parts, Collection<String> fields) {
            List<PolicyNode> values = new ArrayList<>();
            for (PolicyNode part : parts) {
                for (String field : fields) {
                    values.addAll(part.field(field).items());
                }
            }
            return values;
        }
    }

    private AuthzMatches() {
    }

    /** The rules of every candidate AuthorizationPolicy, listed once per validation for all the Authz rules. */
    static List<AuthzRule> rules(ValidationContext context) {
        return context.index(AllRules.class, c -> {
            List<AuthzRule> rules = new ArrayList<>();
            for (PolicyNode spec : PolicyNode.specs(c, "AuthorizationPolicy")) {
                for (PolicyNode rule : spec.field("rules").items()) {
                    rules.add(new AuthzRule(spec, rule));
                }
            }
            return new AllRules(List.copyOf(rules));
        }).rules();
    }

    private record AllRules(List<AuthzRule> rules) {
    }

    /** Reports every value {@code check} finds a problem with, naming the field it is in. */
    static void judge(RuleInfo info, Findings findings, Function<String, Optional<String>> check, List<PolicyNode> values) {
        for (PolicyNode value : values) {
            check.apply(value.text()).ifPresent(problem -> findings.report(info, value.resource(), value.pointer(),
                    problem + " (" + where(value) + ")"));
        }
    }

    /** The field a value belongs to, for messages: "/spec/rules/0/from/1/source/principals/2" reads "source.principals". */
    static String where(PolicyNode value) {
        String[] tokens = value.pointer().split("/");
        int n = tokens.length;
        return tokens[n - 4].equals("when") ? "when[" + tokens[n - 3] + "]." + tokens[n - 2]
                : tokens[n - 3] + "." + tokens[n - 2];
    }
}
