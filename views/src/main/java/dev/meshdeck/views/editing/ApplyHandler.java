package dev.meshdeck.views.editing;

import dev.meshdeck.core.editing.Draft;
import dev.meshdeck.core.inventory.SourceRef;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;

/** What the editor's Apply buttons call: the window's change desk. Without one the editor only exports. */
public interface ApplyHandler {

    /** Why drafts of {@code source} cannot be applied now (production not armed); empty when they can. */
    Optional<String> refusal(SourceRef source);

    /** Opens the review of {@code drafts} as one change set; {@code applied} runs on the FX thread once written. */
    void apply(List<Draft> drafts, Runnable applied);

    /** Shown in the editor's header before Apply (the production switch). */
    Node control();

    /** The editor now shows a function of {@code source}. FX thread. */
    void showing(SourceRef source);

    /** {@code changed} runs (on the FX thread) whenever {@link #refusal} may answer differently. */
    void addListener(Runnable changed);
}
