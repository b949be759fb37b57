package dev.meshdeck.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshdeck.connectors.aws.AwsSettings;
import dev.meshdeck.connectors.aws.CloudWatchTelemetry;
import dev.meshdeck.connectors.aws.LambdaMetric;
import dev.meshdeck.core.inventory.TextTable;
import dev.meshdeck.core.telemetry.TelemetryException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Invocations, errors, throttles and p95 duration from CloudWatch (GetMetricData) per function,",
            "per alias and per version behind each alias, over the last --minutes. Every region given is read."})
final class LambdaMetricsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws = new AwsOptions();

    @Option(names = "--function", paramLabel = "NAME", description = "Only this function. Default: every function.")
    String function;

    @Option(names = "--minutes", defaultValue = "5", paramLabel = "N", description = "The window (default: ${DEFAULT-VALUE}).")
    int minutes;

    @Mixin
    TableOrJson output = new TableOrJson();

    @Override
    public Integer call() throws Exception {
        boolean json = output.json();
        if (minutes < 1) {
            throw new ParameterException(spec.commandLine(), "--minutes must be at least 1, got " + minutes);
        }
        AwsSettings settings = aws.settings();
        Duration window = Duration.ofMinutes(minutes);
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"REGION", "FUNCTION", "ALIAS", "VERSION", "INVOCATIONS", "ERRORS", "THROTTLES", "P95 MS", "REQ/S"});
        ArrayNode jsonRows = JSON.createArrayNode();
        List<String> failures = new ArrayList<>();
        for (String region : settings.regions()) {
            try (CloudWatchTelemetry telemetry = new CloudWatchTelemetry(settings, region)) {
                for (LambdaMetric m : telemetry.metrics(window, function)) {
                    rows.add(new String[] {region, m.function(), dash(m.alias()), dash(m.version()),
                        number(m.invocations()), number(m.errors()), number(m.throttles()),
                        Double.isNaN(m.p95Millis()) ? "-" : number(m.p95Millis()),
                        number(m.stats(window).requestsPerSecond())});
                    ObjectNode row = jsonRows.addObject().put("region", region).put("function", m.function())
                            .put("alias", m.alias()).put("version", m.version()).put("invocations", m.invocations())
                            .put("errors", m.errors()).put("throttles", m.throttles())
                            .put("requestsPerSecond", m.stats(window).requestsPerSecond());
                    if (!Double.isNaN(m.p95Millis())) {
                        row.put("p95Millis", m.p95Millis());
                    }
                }
            } catch (TelemetryException e) {
                failures.add(e.getMessage());
            }
        }
        spec.commandLine().getOut().print(json ? JSON.writeValueAsString(jsonRows) + "\n" : TextTable.render(rows));
        spec.commandLine().getOut().flush();
        failures.forEach(f -> spec.commandLine().getErr().println("meshdeck lambda metrics: " + f));
        return failures.isEmpty() ? 0 : 1;
    }

    private static String dash(String value) {
        return value.isEmpty() ? "-" : value;
    }

    /** At most two decimals, no trailing zeros: 90, 12.5, 0.33. */
    static String number(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
