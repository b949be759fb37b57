package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import dev.meshdeck.core.validation.Category;
import dev.meshdeck.core.validation.Findings;
import dev.meshdeck.core.validation.Rule;
import dev.meshdeck.core.validation.RuleInfo;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.rules.webhook.virtualservice.VirtualServiceParts.Part;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** A direct response with a status outside 200..600, or a body of more than 1 MB (every proxy holds it). */
public final class DirectResponse implements Rule {

    static final RuleInfo INFO = RuleInfo.of("MD0418", Severity.ERROR, Category.SCHEMA,
            "HTTP direct response status outside 200..600, or body over 1 MB").istio("IST0106");

    static final int KB = 1024;
    static final int MB = 1024 * KB;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ValidationContext context, Findings findings) {
        VirtualServiceParts.forEachHttpField(context, "directResponse", (route, response) -> {
            httpStatus(response.node().path("status").asLong(0)).ifPresent(p ->
                    findings.report(INFO, route.vs(), response.pointer() + "/status", p));
            if (bodySize(response) > MB) {
                findings.report(INFO, route.vs(), response.pointer() + "/body", "large direct_responses may impact "
                        + "control plane performance, must be less than 1MB: serve this body from a service instead");
            }
        });
    }

    /** Istio's HTTP status range for aborts and direct responses. */
    static Optional<String> httpStatus(long status) {
        return status < 200 || status > 600 ? Optional.of("HTTP status " + status + " is not in range 200-599")
                : Optional.empty();
    }

    /** The bytes of a direct response's body: its string in UTF-8, or its base64 bytes decoded. */
    static long bodySize(Part response) {
        Part body = response.child("body");
        if (body.has("string")) {
            return body.text("string").getBytes(StandardCharsets.UTF_8).length;
        }
        String bytes = body.text("bytes");
        try {
            return Base64.getMimeDecoder().decode(bytes).length;
        } catch (IllegalArgumentException e) {
            return bytes.length() * 3L / 4; // not base64: the schema reports it; judge the size it would have
        }
    }
}
