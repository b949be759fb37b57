package dev.meshdeck.core.editing.forms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meshdeck.core.routing.IstioDuration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldSpecTest {

    @Test
    void blankMeansIstiosDefaultAndIsAlwaysAccepted() {
        for (FieldSpec f : ResilienceForm.circuitBreakerFields()) {
            assertThat(f.parse("  ")).as(f.key()).isNull();
            assertThat(f.format(null)).isEmpty();
        }
    }

    @Test
    void typedValuesParseAndFormatBack() {
        FieldSpec codes = ResilienceForm.circuitBreakerField("outlierDetection.outlierDetectionHttpErrorCodes");
        assertThat(codes.parse("500,503 504")).isEqualTo(List.of(500L, 503L, 504L));
        assertThat(codes.format(codes.parse("500, 503"))).isEqualTo("500, 503");
        assertThat(codes.problem("500, 700")).contains("Error status codes must be between 100 and 599 HTTP status; 700 "
                + "is outside that range");

        FieldSpec interval = ResilienceForm.circuitBreakerField("outlierDetection.interval");
        assertThat(interval.parse("1m30s")).isEqualTo(IstioDuration.ofSeconds(90));
        assertThat(interval.problem("2h")).contains("Analysis interval must be between 1ms and 1h; 2h is outside that range");

        FieldSpec split = ResilienceForm.circuitBreakerField("outlierDetection.splitExternalLocalOriginErrors");
        assertThat(split.parse("TRUE")).isEqualTo(true);
        assertThat(split.problem("yes")).contains("Split local-origin errors is true or false, not 'yes'");
        assertThat(split.fieldName()).isEqualTo("splitExternalLocalOriginErrors");
    }
}
