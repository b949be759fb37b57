package dev.meshdeck.core.validation.rules.webhook.authorizationpolicy;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A path in {@code to.operation.paths}/{@code notPaths} that uses templates as Istio's webhook refuses them
 * (CheckValidPathTemplate): only whole segments {@code {*}} (one segment) and {@code {**}} (any, and then last),
 * no other braces, and with a template every other segment must be a plain RFC 3986 path literal.
 */
public final class AuthzPathTemplate implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0618", Severity.ERROR, Category.SCHEMA,
            "AuthorizationPolicy path with an unsupported path template").istio("IST0106");

    private static final String ONE = "{*}";
    private static final String ANY = "{**}";
    /** RFC 3986 pchar: unreserved, pct-encoded, sub-delims (but '*'), ':' and '@'. */
    private static final Pattern LITERAL = Pattern.compile("[a-zA-Z0-9-._~%!$&'()+,;:@=]+");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (AuthzMatches.AuthzRule rule : AuthzMatches.rules(context)) {
            for (PolicyNode path : rule.operationValues(List.of("paths", "notPaths"))) {
                problem(path.text()).ifPresent(p -> findings.report(INFO, path.resource(), path.pointer(),
                        "invalid or unsupported path " + path.text() + ", found in " + AuthzMatches.where(path) + ": " + p));
            }
        }
    }

    static Optional<String> problem(String path) {
        boolean template = path.contains(ONE) || path.contains(ANY);
        boolean anySeen = false;
        String trimmed = path.replaceAll("^/+", "").replaceAll("/+$", "");
        for (String segment : trimmed.split("/", -1)) {
            boolean isTemplate = segment.equals(ONE) || segment.equals(ANY);
            if (isTemplate && anySeen) {
                return Optional.of("{**} must be the last operator");
            }
            if (isTemplate) {
                anySeen |= segment.equals(ANY);
                continue;
            }
            if (segment.contains("{") || segment.contains("}")) {
                return Optional.of("it contains '{' or '}' beyond a supported path template ({*} or {**} as a whole segment)");
            }
            if (template && !LITERAL.matcher(segment).matches()) {
                return Optional.of("segment \"" + segment + "\" is not a valid path literal beside a template");
            }
        }
        return Optional.empty();
    }
}
