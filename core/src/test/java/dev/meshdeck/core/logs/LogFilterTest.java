package dev.meshdeck.core.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogFilterTest {

    private static LogLine line(String text) {
        return new LogLine(Instant.EPOCH, "order-function-v1-abc", "v1", "istio-proxy", text);
    }

    @Test
    void aRegexKeepsTheLinesItFinds() {
        LogFilter fiveHundreds = LogFilter.regex("\" 5\\d\\d ");

        assertThat(fiveHundreds.matches(line("[t] \"POST /orders HTTP/1.1\" 503 UF"))).isTrue();
        assertThat(fiveHundreds.matches(line("[t] \"POST /orders HTTP/1.1\" 201 -"))).isFalse();
    }

    @Test
    void plainTextIsTakenLiterallyIgnoringCase() {
        LogFilter text = LogFilter.text("(timeout");

        assertThat(text.matches(line("upstream (Timeout) after 3s"))).isTrue();
        assertThat(text.matches(line("upstream timeout"))).isFalse();
    }

    @Test
    void aBadRegexIsNamedWithWhatIsWrong() {
        assertThatThrownBy(() -> LogFilter.regex("order(")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("order(").hasMessageContaining("RE2");
    }

    @Test
    void backreferencesAreRefusedBecauseRe2CannotRunThemInLinearTime() {
        assertThatThrownBy(() -> LogFilter.regex("(a)\\1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLineIsPrefixedWithItsPodAndVersion() {
        assertThat(line("hello").prefixed()).isEqualTo("[order-function-v1-abc v1] hello");
    }
}
