package dev.meshdeck.core.validation.rules.webhook.destinationrule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import java.util.HashSet;
import java.util.Set;

/**
 * Consistent-hash load balancing istiod rejects: an httpCookie without a name, cookie attributes without a name or
 * named twice, a Maglev table size that is unset, too large or not prime, or the deprecated minimumRingSize
 * together with ringHash/maglev.
 */
public final class ConsistentHash implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0511", Severity.ERROR, Category.SCHEMA,
            "DestinationRule consistent-hash load balancer setting invalid").istio("IST0106");

    /** Envoy's bound on a Maglev table. */
    private static final long MAGLEV_MAX = 5_000_011L;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        DestinationRules.eachPolicy(context, policy -> {
            JsonNode hash = policy.get("loadBalancer").path("consistentHash");
            if (!hash.isObject()) {
                return;
            }
            String at = policy.at("/loadBalancer/consistentHash");
            cookie(policy, hash.path("httpCookie"), at + "/httpCookie", findings);
            boolean algorithm = DestinationRules.isSet(hash, "ringHash") || DestinationRules.isSet(hash, "maglev");
            if (hash.path("minimumRingSize").asLong(0) != 0 && algorithm) {
                findings.report(INFO, policy.rule(), at + "/minimumRingSize",
                        "only one of minimumRingSize or maglev/ringHash can be specified: move it to ringHash.minimumRingSize");
            }
            if (hash.path("maglev").isObject()) {
                maglev(policy, hash.path("maglev").path("tableSize").asLong(0), at + "/maglev", findings);
            }
        });
    }

    private static void cookie(DestinationRules.Policy policy, JsonNode cookie, String at, Findings findings) {
        if (!cookie.isObject()) {
            return;
        }
        if (cookie.path("name").asText("").isEmpty()) {
            findings.report(INFO, policy.rule(), at, "httpCookie needs a name: the cookie that carries the hash key");
        }
        Set<String> names = new HashSet<>();
        JsonNode attributes = cookie.path("attributes");
        for (int i = 0; i < attributes.size(); i++) {
            String name = attributes.get(i).path("name").asText("");
            if (name.isEmpty()) {
                findings.report(INFO, policy.rule(), at + "/attributes/" + i, "cookie attribute name cannot be empty");
            } else if (!names.add(name)) {
                findings.report(INFO, policy.rule(), at + "/attributes/" + i + "/name",
                        "duplicate cookie attribute name: " + name);
            }
        }
    }

    private static void maglev(DestinationRules.Policy policy, long size, String at, Findings findings) {
        String problem = size == 0 ? "tableSize must be set for maglev"
                : size >= MAGLEV_MAX ? "tableSize must be less than " + MAGLEV_MAX + " for maglev"
                : !isPrime(size) ? "tableSize " + size + " must be a prime number for maglev (e.g. 65537)" : null;
        if (problem != null) {
            findings.report(INFO, policy.rule(), at + "/tableSize", problem);
        }
    }

    /** Primality as Envoy tests it (1, 2 and 3 count as prime). */
    static boolean isPrime(long x) {
        if (x != 0 && x < 4) {
            return true;
        }
        if (x % 2 == 0) {
            return false;
        }
        for (long factor = 3; factor * factor <= x; factor += 2) {
            if (x % factor == 0) {
                return false;
            }
        }
        return true;
    }
}
