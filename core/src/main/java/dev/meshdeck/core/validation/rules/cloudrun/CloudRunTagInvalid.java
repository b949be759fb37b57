package dev.meshdeck.core.validation.rules.cloudrun;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Cloud Run traffic tag becomes part of a URL ({@code https://TAG---SERVICE-...run.app}): lowercase letters,
 * digits and dashes, starting with a letter and not ending with a dash, and used by one target only.
 */
public final class CloudRunTagInvalid implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0246", Severity.ERROR, Category.SEMANTIC,
            "Cloud Run traffic tag malformed or repeated");
    private static final Pattern TAG = Pattern.compile("[a-z]([-a-z0-9]{0,44}[a-z0-9])?");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (Resource service : CloudRunServices.candidates(context)) {
            JsonNode traffic = service.spec().path("traffic");
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < traffic.size(); i++) {
                String tag = traffic.get(i).path("tag").asText("");
                if (tag.isEmpty()) {
                    continue;
                }
                if (!TAG.matcher(tag).matches()) {
                    findings.report(INFO, service, "/spec/traffic/" + i + "/tag", "tag \"" + tag + "\" must be lowercase"
                            + " letters, digits and dashes, start with a letter, not end with a dash, at most 46 characters");
                } else if (!seen.add(tag)) {
                    findings.report(INFO, service, "/spec/traffic/" + i + "/tag",
                            "tag \"" + tag + "\" is already used by another traffic target of this service");
                }
            }
        }
    }
}
