package dev.meshdeck.core.validation.rules.webhook.gateway;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Resource;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;

/**
 * A server port istiod rejects (Istio's validateServerPort): missing, an unknown protocol, a number outside
 * 1..65535 (0 only with a unix socket bind), a targetPort, or no name.
 */
public final class ServerPort implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0533", Severity.ERROR, Category.SCHEMA,
            "Gateway server port invalid").istio("IST0106");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        Servers.each(context, server -> Servers.portProblems(server).forEach(problem ->
                findings.report(INFO, server.gateway(), problem.pointer(), problem.message())));
    }
}
