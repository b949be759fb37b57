package dev.meshdeck.views.details;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class YamlHighlighterTest {

    private static final String YAML = """
            # routing for the canary
            metadata:
              name: image-resize-00001
              labels:
                "quoted.key": 'x'
            spec:
              - destination:
                  host: order-function-v1 # stable
                weight: 90
                mirror: false
                address: 10.0.0.1
                url: http://x#frag
            """;

    @Test
    void findsKeysStringsNumbersLiteralsAndComments() {
        List<String> tokens = YamlHighlighter.spans(YAML).stream()
                .map(s -> s.styleClass() + "=" + YAML.substring(s.start(), s.end()))
                .toList();

        assertThat(tokens).containsExactly(
                "yaml-comment=# routing for the canary",
                "yaml-key=metadata",
                "yaml-key=name",
                "yaml-key=labels",
                "yaml-key=\"quoted.key\"",
                "yaml-string='x'",
                "yaml-key=spec",
                "yaml-key=destination",
                "yaml-key=host",
                "yaml-comment=# stable",
                "yaml-key=weight",
                "yaml-number=90",
                "yaml-key=mirror",
                "yaml-literal=false",
                "yaml-key=address",
                "yaml-key=url");
    }
}
