package dev.meshdeck.core.validation.rules.webhook.telemetry;

import dev.cel.common.CelValidationResult;
import dev.cel.parser.CelParser;
import dev.cel.parser.CelParserFactory;
import dev.cel.parser.CelStandardMacro;
import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.policy.PolicyNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An access-log {@code filter.expression} that is not CEL. Istio's webhook only parses it (attributes such as
 * {@code response.code} are not type-checked), and so does this rule.
 */
public final class TelemetryAccessLogFilter implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0646", Severity.ERROR, Category.SCHEMA,
            "Telemetry access-log filter is not a valid CEL expression").istio("IST0106");

    /** "ERROR: <input>:1:18: mismatched input '<EOF>' expecting {...}" */
    private static final Pattern ERROR = Pattern.compile("ERROR: <input>:\\d+:(\\d+): (.*?)( expecting .*)?");

    private static final CelParser CEL = CelParserFactory.standardCelParserBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS).build();

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        for (PolicyNode logging : TelemetryParts.of(context, "accessLogging")) {
            PolicyNode filter = logging.field("filter");
            if (!filter.present()) {
                continue;
            }
            PolicyNode expression = filter.field("expression");
            CelValidationResult parsed = CEL.parse(expression.text());
            if (parsed.hasError()) {
                findings.report(INFO, filter.resource(), expression.present() ? expression.pointer() : filter.pointer(),
                        "the filter must be a valid CEL expression, such as response.code >= 400: " + firstError(parsed));
            }
        }
    }

    /** The parser's first complaint with its column, without the list of tokens it expected instead. */
    private static String firstError(CelValidationResult parsed) {
        String first = parsed.getErrorString().lines().findFirst().orElse("");
        Matcher m = ERROR.matcher(first);
        return m.matches() ? m.group(2) + " at column " + m.group(1) : first;
    }
}
