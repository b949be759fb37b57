package dev.meshdeck.core.validation.rules.webhook.virtualservice;

import static dev.meshdeck.core.validation.RuleAsserter.assertFindings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.ValidationContext;
import dev.meshdeck.core.validation.ValidationInput;
import dev.meshdeck.core.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectResponseTest {

    @Test
    void refusesStatusesOutside200To600() {
        assertFindings(new DirectResponse(), "webhook/virtualservice/direct-response.yaml").containsExactlyInAnyOrder(
                "MD0418@VirtualService shop/low@spec.http[0].directResponse.status",
                "MD0418@VirtualService shop/high@spec.http[0].directResponse.status");
    }

    /** Upstream's "with string body over 1mb" and "with bytes body over 1mb", built here rather than stored. */
    @Test
    void refusesBodiesOverOneMegabyteWrittenAsStringOrBytes() {
        String overOneMegabyte = ("a".repeat(1023) + "\n").repeat(DirectResponse.KB) + "a";
        String base64 = Base64.getMimeEncoder().encodeToString(overOneMegabyte.getBytes(StandardCharsets.UTF_8));
        assertThat(paths("string", overOneMegabyte)).containsExactly("spec.http[0].directResponse.body");
        assertThat(paths("bytes", base64)).containsExactly("spec.http[0].directResponse.body");
        assertThat(paths("string", overOneMegabyte.substring(1))).isEmpty();
    }

    /** The findings' paths on a VirtualService answering with {@code body}, written as a block scalar. */
    private static List<String> paths(String field, String body) {
        String block = "        " + field + ": |-\n          " + body.replace("\r\n", "\n").replace("\n", "\n          ");
        String yaml = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: big, namespace: shop}\n"
                + "spec:\n  hosts: [reviews]\n  http:\n  - directResponse:\n      status: 200\n      body:\n" + block + "\n";
        ValidationInput input = new ValidationInput().addText("big.yaml", yaml);
        assertThat(input.syntaxFindings()).isEmpty();
        return new Validator(List.of(new DirectResponse())).validate(new ValidationContext(input.resources(), false))
                .stream().map(Finding::path).toList();
    }
}
