package dev.meshdeck.connectors.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshdeck.core.monitoring.ActiveAlert;
import dev.meshdeck.core.monitoring.AlertSource;
import dev.meshdeck.core.telemetry.TelemetryException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * The CloudWatch alarms of one region in ALARM state on Lambda metrics ({@code AWS/Lambda}, by {@code FunctionName}),
 * as alert rows: source {@code cloudwatch:REGION}, the function's name, the alarm's name, the value it last
 * evaluated. CloudWatch has no severity: the column stays empty.
 */
public final class LambdaAlarms implements AlertSource, AutoCloseable {

    static final String NAMESPACE = CloudWatchTelemetry.NAMESPACE;
    private static final String FUNCTION_NAME = "FunctionName";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsSettings settings;
    private final String region;
    private final AwsClients clients;

    public LambdaAlarms(AwsSettings settings, String region) {
        this.settings = settings;
        this.region = region;
        this.clients = new AwsClients(settings);
    }

    /** The source column of its rows. */
    public String source() {
        return "cloudwatch:" + region;
    }

    @Override
    public String name() {
        return "cloudwatch alarms " + region + " " + settings.endpointLabel(AwsService.CLOUDWATCH, region);
    }

    /** The Lambda alarms in ALARM state now. */
    @Override
    public List<ActiveAlert> read() throws TelemetryException {
        List<ActiveAlert> alerts = new ArrayList<>();
        try {
            for (MetricAlarm alarm : clients.cloudWatch(region).describeAlarmsPaginator(r -> r.stateValue(StateValue.ALARM)).metricAlarms()) {
                Optional<String> function = alarm.dimensions().stream().filter(d -> d.name().equals(FUNCTION_NAME))
                        .map(Dimension::value).findFirst();
                if (!NAMESPACE.equals(alarm.namespace()) || function.isEmpty()) {
                    continue; // not a Lambda function's alarm
                }
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put("alertname", alarm.alarmName());
                labels.put("namespace", alarm.namespace());
                labels.put("metric", alarm.metricName());
                labels.put("region", region);
                alarm.dimensions().forEach(d -> labels.put(d.name(), d.value()));
                Instant since = alarm.stateTransitionedTimestamp() != null ? alarm.stateTransitionedTimestamp()
                        : alarm.stateUpdatedTimestamp();
                String description = alarm.alarmDescription() == null ? "" : alarm.alarmDescription();
                alerts.add(new ActiveAlert(source(), function, alarm.alarmName(), "", ActiveAlert.State.FIRING, since,
                        lastDatapoint(alarm.stateReasonData()), labels, description.isEmpty() ? Optional.empty() : Optional.of(description)));
            }
        } catch (SdkException e) {
            throw new TelemetryException(AwsFailureMessage.explain(e, settings, region, AwsService.CLOUDWATCH), e);
        }
        return alerts;
    }

    /** The newest of the {@code recentDatapoints} CloudWatch explains a metric alarm's state with; NaN when absent. */
    private static double lastDatapoint(String stateReasonData) {
        if (stateReasonData == null || stateReasonData.isBlank()) {
            return Double.NaN;
        }
        try {
            JsonNode points = JSON.readTree(stateReasonData).path("recentDatapoints");
            return points.isArray() && !points.isEmpty() ? points.get(0).asDouble() : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    @Override
    public void close() {
        clients.close();
    }
}
