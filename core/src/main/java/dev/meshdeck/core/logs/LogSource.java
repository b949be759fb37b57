package dev.meshdeck.core.logs;

import dev.meshdeck.core.inventory.FunctionId;
import java.util.List;
import java.util.function.Consumer;

/** Where a function's logs are read: its pods through the Kubernetes API, or CloudWatch Logs for Lambda. */
public interface LogSource {

    /** Whether this source can read the function's logs. */
    boolean covers(FunctionId function);

    /**
     * Delivers the function's lines of the query to {@code sink}, merged by time across pods, in batches, on the
     * caller's thread until the history is delivered. With {@link LogQuery#follow()} new lines keep arriving, on
     * the source's own threads, until the returned feed is closed.
     *
     * @throws IllegalStateException with a message for the user when the logs cannot be read
     */
    LogFeed open(FunctionId function, LogQuery query, Consumer<List<LogLine>> sink);

    /** A running read of logs; closing it stops following and frees its connections. */
    interface LogFeed extends AutoCloseable {

        /** A feed that has nothing more to deliver. */
        LogFeed DONE = () -> { };

        @Override
        void close();
    }
}
