package dev.meshdeck.views.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The light or dark look of every window. AtlantaFX themes are user-agent stylesheets, which JavaFX holds for
 * the whole application, so the theme in use is application-wide too: what the stylesheet cannot reach (the
 * topology canvas) follows {@link #current()}. FX thread.
 */
public enum Theme {
    LIGHT, DARK;

    private static final ReadOnlyObjectWrapper<Theme> CURRENT = new ReadOnlyObjectWrapper<>(Theme.class, "current", LIGHT);

    /** The theme in use; changes when {@link #apply()} switches it. */
    public static ReadOnlyObjectProperty<Theme> current() {
        return CURRENT.getReadOnlyProperty();
    }

    /** Makes this the theme of every window. */
    public void apply() {
        Application.setUserAgentStylesheet(this == DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        CURRENT.set(this);
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }
}
