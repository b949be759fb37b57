package dev.meshdeck.connectors.aws;

import dev.meshdeck.core.inventory.FunctionId;
import dev.meshdeck.core.inventory.Platform;
import dev.meshdeck.core.inventory.SourceRef;
import dev.meshdeck.core.logs.LogLine;
import dev.meshdeck.core.logs.LogQuery;
import dev.meshdeck.core.logs.LogSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * A Lambda function's logs from CloudWatch Logs ({@code FilterLogEvents} on {@code /aws/lambda/NAME}), each line
 * with its log stream (whose {@code [N]} names the version that wrote it). Following polls every few seconds from
 * the last event read, a little behind now, as events are ingested late.
 */
final class LambdaLogs implements LogSource {

    private static final String GROUP_PREFIX = "/aws/lambda/";
    /** The newest lines kept of the history, as a pod's history is. */
    private static final int HISTORY = 10_000;
    private static final Duration POLL = Duration.ofSeconds(2);
    /** CloudWatch ingests within seconds: a poll reads up to this long ago, so late events are not skipped. */
    private static final Duration INGESTION_LAG = Duration.ofSeconds(5);
    private static final Pattern STREAM_VERSION = Pattern.compile("\\[([^]]+)]");

    private final AwsClients clients;

    LambdaLogs(AwsClients clients) {
        this.clients = clients;
    }

    @Override
    public boolean covers(FunctionId function) {
        return function.platform() == Platform.LAMBDA && function.source() instanceof SourceRef.AwsRegion;
    }

    @Override
    public LogFeed open(FunctionId function, LogQuery query, Consumer<List<LogLine>> sink) {
        if (!covers(function)) {
            return LogFeed.DONE;
        }
        String region = ((SourceRef.AwsRegion) function.source()).region();
        CloudWatchLogsClient logs = clients.logs(region);
        Instant now = Instant.now();
        Instant from = query.since().map(now::minus).orElse(Instant.EPOCH);
        Deque<LogLine> history = new ArrayDeque<>();
        Cursor cursor = new Cursor(from.toEpochMilli());
        read(logs, function, query, cursor, now.toEpochMilli(), line -> {
            if (history.size() == HISTORY) {
                history.removeFirst();
            }
            history.addLast(line);
        });
        if (!history.isEmpty()) {
            sink.accept(List.copyOf(history));
        }
        if (!query.follow()) {
            return LogFeed.DONE;
        }
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lambda-logs");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> {
            List<LogLine> batch = new ArrayList<>();
            try {
                read(logs, function, query, cursor, Instant.now().minus(INGESTION_LAG).toEpochMilli(), batch::add);
            } catch (RuntimeException e) {
                // a failed poll is tried again at the next tick
                return;
            }
            if (!batch.isEmpty()) {
                sink.accept(batch);
            }
        }, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
        return poller::shutdownNow;
    }

    /** Where a read stopped: events up to this millisecond were read, and the ids of those at it. */
    private static final class Cursor {
        long millis;
        Set<String> atMillis = new HashSet<>();

        Cursor(long millis) {
            this.millis = millis;
        }
    }

    /** Every event from the cursor up to {@code until}, page by page, moving the cursor. */
    private static void read(CloudWatchLogsClient logs, FunctionId function, LogQuery query, Cursor cursor, long until,
                             Consumer<LogLine> out) {
        if (until <= cursor.millis) {
            return;
        }
        String token = null;
        try {
            do {
                String next = token;
                FilterLogEventsResponse page = logs.filterLogEvents(r -> r.logGroupName(GROUP_PREFIX + function.name())
                        .startTime(cursor.millis).endTime(until).nextToken(next));
                for (FilteredLogEvent e : page.events()) {
                    if (e.timestamp() < cursor.millis || e.timestamp() == cursor.millis && cursor.atMillis.contains(e.eventId())) {
                        continue;
                    }
                    if (e.timestamp() > cursor.millis) {
                        cursor.millis = e.timestamp();
                        cursor.atMillis.clear();
                    }
                    cursor.atMillis.add(e.eventId());
                    LogLine line = new LogLine(Instant.ofEpochMilli(e.timestamp()), e.logStreamName(),
                            version(e.logStreamName()), "", e.message().stripTrailing());
                    if (query.keeps(line) && query.version().map(line.version()::equals).orElse(true)) {
                        out.accept(line);
                    }
                }
                token = page.nextToken();
            } while (token != null);
        } catch (SdkException e) {
            throw new IllegalStateException("Cannot read the CloudWatch Logs of Lambda function " + function.name()
                    + ": " + e.getMessage(), e);
        }
    }

    private static String version(String stream) {
        Matcher m = STREAM_VERSION.matcher(stream);
        return m.find() ? m.group(1) : "";
    }
}
