package dev.meshdeck.views.logs;

import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.logs.LogFilter;
import dev.meshdeck.core.logs.LogLine;
import dev.meshdeck.core.logs.LogQuery;
import dev.meshdeck.core.logs.LogSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Logs tab's state without a stage: the selected function's lines of every pod and version, merged by time,
 * in a buffer of at most {@code capacity} lines (the oldest leave first), read and followed off the FX thread.
 * Version, pod and the text or regex filter narrow what is shown without reading again; the container and
 * follow read again.
 */
public final class LogsModel {

    /** A version or pod picker's choice meaning "all of them". */
    public static final String ALL = "";
    /** How far back a function's logs are read when it is shown. */
    static final Duration HISTORY = Duration.ofMinutes(5);

    private final LogSource source;
    private final Executor background;
    private final Executor fx;
    private final int capacity;
    private final ObservableList<LogLine> buffer = FXCollections.observableArrayList();
    private final FilteredList<LogLine> shown = new FilteredList<>(buffer);
    private final ObservableList<String> versions = FXCollections.observableArrayList(ALL);
    private final ObservableList<String> pods = FXCollections.observableArrayList(ALL);
    private final StringProperty version = new SimpleStringProperty(this, "version", ALL);
    private final StringProperty pod = new SimpleStringProperty(this, "pod", ALL);
    /** Empty: the function's own container. */
    private final StringProperty container = new SimpleStringProperty(this, "container", "");
    private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow", true);
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final BooleanProperty regex = new SimpleBooleanProperty(this, "regex", false);
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper(this, "filterError", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Select a function to see its logs.");
    private Optional<LogFilter> filter = Optional.empty();
    private ServerlessFunction function;
    private LogSource.LogFeed feed = LogSource.LogFeed.DONE;
    /** Counts reads: lines of an earlier read that arrive late are dropped. */
    private long read;

    /**
     * @param background where the (blocking) reads start; following goes on on the source's threads
     * @param fx         where lines are added (the FX thread)
     * @param capacity   the most lines kept
     */
    public LogsModel(LogSource source, Executor background, Executor fx, int capacity) {
        this.source = source;
        this.background = background;
        this.fx = fx;
        this.capacity = capacity;
        version.addListener(o -> narrow());
        pod.addListener(o -> narrow());
        filterText.addListener(o -> refilter());
        regex.addListener(o -> refilter());
        container.addListener((o, was, now) -> reopen());
        follow.addListener((o, was, now) -> reopen());
    }

    /** What is shown: the buffer narrowed by version, pod and filter, oldest first. */
    public ObservableList<LogLine> lines() {
        return shown;
    }

    /** Every version seen in the lines, after {@link #ALL}. */
    public ObservableList<String> versions() {
        return versions;
    }

    public ObservableList<String> pods() {
        return pods;
    }

    public StringProperty versionProperty() {
        return version;
    }

    public StringProperty podProperty() {
        return pod;
    }

    public StringProperty containerProperty() {
        return container;
    }

    public BooleanProperty followProperty() {
        return follow;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    /** Why the typed regular expression is not used, or empty. */
    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** How many lines the buffer holds (before narrowing). */
    public int buffered() {
        return buffer.size();
    }

    /** Shows {@code f}'s logs (read again when it is another function). FX thread. */
    public void show(ServerlessFunction f) {
        if (f == null || (function != null && function.id().equals(f.id()))) {
            return;
        }
        function = f;
        version.set(ALL);
        pod.set(ALL);
        reopen();
    }

    /** Stops following and forgets the function (the tab is left): showing it again reads afresh. FX thread. */
    public void hide() {
        stop();
        function = null;
    }

    /** Stops following; what was read stays. FX thread. */
    public void stop() {
        read++;
        feed.close();
        feed = LogSource.LogFeed.DONE;
    }

    private void reopen() {
        if (function == null) {
            return;
        }
        stop();
        long mine = read;
        ServerlessFunction f = function;
        buffer.clear();
        versions.setAll(ALL);
        pods.setAll(ALL);
        if (!source.covers(f.id())) {
            summary.set(f.name() + " runs on " + f.platform().displayName() + ": its logs are not read here.");
            return;
        }
        summary.set("Reading the logs of " + f.name() + "…");
        LogQuery query = new LogQuery(Optional.of(HISTORY), Optional.of(container.get()).filter(c -> !c.isBlank()),
                Optional.empty(), Optional.empty(), follow.get(), false);
        background.execute(() -> {
            try {
                LogSource.LogFeed opened = source.open(f.id(), query, batch -> fx.execute(() -> {
                    if (mine == read) {
                        append(batch);
                    }
                }));
                fx.execute(() -> {
                    if (mine == read) {
                        feed = opened;
                        summary.set(summary(f));
                    } else {
                        opened.close();
                    }
                });
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    if (mine == read) {
                        summary.set("Cannot read the logs of " + f.name() + ": " + e.getMessage());
                    }
                });
            }
        });
    }

    private String summary(ServerlessFunction f) {
        return f.name() + ": " + buffer.size() + " lines of the last " + HISTORY.toMinutes() + " min from "
                + (pods.size() - 1) + " pods" + (follow.get() ? ", following" : "")
                + (buffer.size() == capacity ? " (the oldest dropped beyond " + capacity + ")" : "");
    }

    private void append(List<LogLine> batch) {
        buffer.addAll(batch);
        if (buffer.size() > capacity) {
            buffer.remove(0, buffer.size() - capacity);
        }
        TreeSet<String> newVersions = new TreeSet<>(versions);
        TreeSet<String> newPods = new TreeSet<>(pods);
        for (LogLine line : batch) {
            if (!line.version().isEmpty()) {
                newVersions.add(line.version());
            }
            newPods.add(line.source());
        }
        if (newVersions.size() != versions.size()) {
            versions.setAll(newVersions);
        }
        if (newPods.size() != pods.size()) {
            pods.setAll(newPods);
        }
    }

    private void refilter() {
        String text = filterText.get();
        if (text == null || text.isEmpty()) {
            filter = Optional.empty();
            filterError.set("");
        } else if (regex.get()) {
            try {
                filter = Optional.of(LogFilter.regex(text));
                filterError.set("");
            } catch (IllegalArgumentException e) {
                // the last valid filter stays while the expression is being typed
                filterError.set(e.getMessage());
                return;
            }
        } else {
            filter = Optional.of(LogFilter.text(text));
            filterError.set("");
        }
        narrow();
    }

    private void narrow() {
        String v = version.get();
        String p = pod.get();
        Optional<LogFilter> f = filter;
        shown.setPredicate(line -> (v == null || v.isEmpty() || v.equals(line.version()))
                && (p == null || p.isEmpty() || p.equals(line.source()))
                && f.map(x -> x.matches(line)).orElse(true));
    }
}
