package dev.meshdeck.views.workloads;

import dev.meshdeck.core.inventory.ServerlessFunction;
import dev.meshdeck.core.validation.Finding;
import dev.meshdeck.core.validation.Severity;
import dev.meshdeck.core.workloads.ConfigKey;
import dev.meshdeck.core.workloads.ConfigSource;
import dev.meshdeck.core.workloads.FunctionConfig;
import dev.meshdeck.core.workloads.RevealedValue;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Config tab's state without a stage: the selected function's configuration, read off the FX thread, as rows
 * (env with its source, envFrom, mounts, requests and limits) and findings. Masked values stay masked; one at a
 * time is read when the person asks for it, and hidden again when anything else is shown.
 */
public final class ConfigModel {

    /** The one masked value shown, in its row. */
    public record Revealed(ConfigRow row, RevealedValue value) {
    }

    /** Where the tab's edits go: each becomes a change set, reviewed and applied like any other. FX thread. */
    public interface Editor {

        /** Sets the literal env variable ({@code value} present), or removes it. */
        void env(ServerlessFunction function, ConfigEdit.Env variable, Optional<String> value);

        /** Sets a ConfigMap key, restarting the Deployments that read it when {@code restart}. */
        void data(ServerlessFunction function, ConfigKey key, String value, boolean restart);
    }

    private static final Comparator<Finding> ERRORS_FIRST = Comparator.comparing((Finding f) -> f.severity() != Severity.ERROR);

    private final ConfigSource source;
    private final Executor background;
    private final Executor fx;
    private final ObservableList<ConfigRow> rows = FXCollections.observableArrayList();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary",
            "Select a function to see its configuration.");
    private final ReadOnlyObjectWrapper<Revealed> revealed = new ReadOnlyObjectWrapper<>(this, "revealed");
    private Editor editor;
    private ServerlessFunction shown;
    /** Counts what was asked (a read, a reveal, a hide): an answer to an earlier question is dropped. */
    private long asked;

    /**
     * @param background where the (blocking) reads run
     * @param fx         where their answers are applied (the FX thread)
     */
    public ConfigModel(ConfigSource source, Executor background, Executor fx) {
        this.source = source;
        this.background = background;
        this.fx = fx;
    }

    public ObservableList<ConfigRow> rows() {
        return rows;
    }

    /** Errors first. */
    public ObservableList<Finding> findings() {
        return findings;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The masked value the person asked to see, or null: never more than one. */
    public ReadOnlyObjectProperty<Revealed> revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /** Lets the tab edit env and ConfigMap keys; without an editor it only shows them. */
    public void setEditor(Editor editor) {
        this.editor = editor;
    }

    public boolean editable() {
        return editor != null;
    }

    /** Sets the row's literal env variable or ConfigMap key to {@code value}. FX thread. */
    public void set(ConfigRow row, String value, boolean restart) {
        row.edit().ifPresent(edit -> {
            if (edit instanceof ConfigEdit.Env env) {
                editor.env(shown, env, Optional.of(value));
            } else if (edit instanceof ConfigEdit.ConfigMapData data) {
                editor.data(shown, data.key(), value, restart);
            }
        });
    }

    /** Removes the row's literal env variable. FX thread. */
    public void remove(ConfigRow row) {
        row.edit().filter(ConfigEdit.Env.class::isInstance).map(ConfigEdit.Env.class::cast)
                .ifPresent(env -> editor.env(shown, env, Optional.empty()));
    }

    /** Adds a literal env variable to the container of {@code beside} (a row with a literal of its own). FX thread. */
    public void add(ConfigRow beside, String name, String value) {
        beside.edit().filter(ConfigEdit.Env.class::isInstance).map(ConfigEdit.Env.class::cast)
                .ifPresent(env -> editor.env(shown, new ConfigEdit.Env(env.workload(), env.container(), name), Optional.of(value)));
    }

    /** The function shown, or null. */
    public ServerlessFunction function() {
        return shown;
    }

    /** What the row's value cell shows: the revealed value in the one row it was asked for, else the row's value. */
    public String valueShown(ConfigRow row) {
        Revealed r = revealed.get();
        return r != null && r.row().equals(row) ? r.value().text() : row.value();
    }

    /** Shows {@code function}'s configuration; any revealed value is hidden. FX thread. */
    public void show(ServerlessFunction function) {
        hide();
        if (function == null || (shown != null && shown.id().equals(function.id()))) {
            return;
        }
        shown = function;
        refresh();
    }

    /** Reads the shown function's configuration again; any revealed value is hidden. FX thread. */
    public void refresh() {
        hide();
        if (shown == null) {
            return;
        }
        ServerlessFunction function = shown;
        long mine = asked;
        rows.clear();
        findings.clear();
        if (!source.covers(function.id())) {
            summary.set(function.name() + " runs on " + function.platform().displayName()
                    + ": its configuration is not read from Kubernetes (see meshdeck config).");
            return;
        }
        summary.set("Reading the configuration of " + function.name() + "…");
        background.execute(() -> {
            FunctionConfig config;
            try {
                config = source.configOf(function.id());
            } catch (RuntimeException e) {
                answer(mine, () -> summary.set("Cannot read the configuration of " + function.name() + ": " + e.getMessage()));
                return;
            }
            List<ConfigRow> read = ConfigRow.of(config);
            answer(mine, () -> {
                rows.setAll(read);
                findings.setAll(config.findings().stream().sorted(ERRORS_FIRST).toList());
                summary.set(summary(function, config, read));
            });
        });
    }

    /**
     * Reads {@code row}'s masked value and shows it in that row only, hiding the one shown before. Nothing of it is
     * kept past the next selection, refresh or hide, nor logged. FX thread.
     */
    public void reveal(ConfigRow row) {
        hide();
        Optional<ConfigKey> key = row.masked();
        if (key.isEmpty() || shown == null) {
            return;
        }
        ServerlessFunction function = shown;
        long mine = asked;
        background.execute(() -> {
            Optional<RevealedValue> value;
            try {
                value = source.reveal(function.id(), key.get());
            } catch (RuntimeException e) {
                answer(mine, () -> summary.set("Cannot read " + key.get().kind().kind() + " " + key.get().name() + ": " + e.getMessage()));
                return;
            }
            answer(mine, () -> value.ifPresentOrElse(v -> revealed.set(new Revealed(row, v)),
                    () -> summary.set(key.get().kind().kind() + " " + key.get().name() + " no longer has key " + key.get().key())));
        });
    }

    /** Masks the revealed value again (and drops a reveal still being read). FX thread. */
    public void hide() {
        asked++;
        revealed.set(null);
    }

    private void answer(long mine, Runnable apply) {
        fx.execute(() -> {
            if (mine == asked) {
                apply.run();
            }
        });
    }

    private static String summary(ServerlessFunction function, FunctionConfig config, List<ConfigRow> rows) {
        long errors = config.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        long others = config.findings().size() - errors;
        long env = rows.stream().filter(r -> r.section().startsWith("env")).count();
        return function.name() + ": " + config.workloads().size() + (config.workloads().size() == 1 ? " workload, " : " workloads, ")
                + env + " env variables" + (errors == 0 ? "" : ", " + errors + (errors == 1 ? " error" : " errors"))
                + (others == 0 ? "" : ", " + others + (others == 1 ? " warning" : " warnings"))
                + (errors + others == 0 ? ", no problems found" : "");
    }
}
