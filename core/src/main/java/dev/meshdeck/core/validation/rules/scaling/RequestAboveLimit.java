package dev.meshdeck.core.validation.rules.scaling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.PodTemplates;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.config.ConfigReferences;
import dev.meshdeck.core.workloads.Quantity;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * A container requests more of a resource than its limit allows: the API server rejects the pod template ("must be
 * less than or equal to cpu limit"). Quantities are compared by value, so 500m and 0.5 are equal.
 */
public final class RequestAboveLimit implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0710", Severity.ERROR, Category.SCHEMA,
            "container request above its limit");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource workload : context.candidates()) {
            if (!PodTemplates.runsPods(workload)) {
                continue;
            }
            for (Map.Entry<String, JsonNode> c : ConfigReferences.containers(workload)) {
                JsonNode resources = c.getValue().path("resources");
                for (Iterator<String> names = resources.path("requests").fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    String request = resources.path("requests").path(name).asText();
                    String limit = resources.path("limits").path(name).asText("");
                    Optional<BigDecimal> r = Quantity.parse(request);
                    Optional<BigDecimal> l = Quantity.parse(limit);
                    if (r.isPresent() && l.isPresent() && r.get().compareTo(l.get()) > 0) {
                        findings.report(INFO, workload, c.getKey() + "/resources/requests/" + name, "request " + name + " "
                                + request + " is above its limit " + limit + ": the API server rejects this; raise the limit"
                                + " or lower the request");
                    }
                }
            }
        }
    }
}
