package dev.meshdeck.core.validation.rules.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.List;
import java.util.function.Consumer;

/**
 * One non-empty value of a list field in the rules of a candidate AuthorizationPolicy, such as an entry of
 * {@code rules[i].from[j].source.namespaces}, with the JSON pointer to report it at.
 */
record AuthzRuleValue(Resource policy, String pointer, String field, String value) {

    /**
     * Calls {@code action} with every value of {@code fields} under {@code rules[*].<clause>[*].<part>}, e.g.
     * clause "from", part "source", fields namespaces/notNamespaces.
     */
    static void forEach(ValidationContext context, String clause, String part, List<String> fields,
            Consumer<AuthzRuleValue> action) {
        for (Resource ap : context.ofKind("AuthorizationPolicy")) {
            if (!ap.candidate()) {
                continue;
            }
            JsonNode rules = ap.spec().path("rules");
            for (int i = 0; i < rules.size(); i++) {
                JsonNode clauses = rules.get(i).path(clause);
                for (int j = 0; j < clauses.size(); j++) {
                    for (String field : fields) {
                        JsonNode values = clauses.get(j).path(part).path(field);
                        for (int k = 0; k < values.size(); k++) {
                            String value = values.get(k).asText("");
                            if (value.isEmpty()) {
                                continue; // Istio refuses empty values: the webhook rule MD0613 reports them once
                            }
                            String pointer = "/spec/rules/" + i + "/" + clause + "/" + j + "/" + part + "/" + field + "/" + k;
                            action.accept(new AuthzRuleValue(ap, pointer, field, value));
                        }
                    }
                }
            }
        }
    }
}
