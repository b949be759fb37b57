package dev.meshdeck.views.common;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/** Esc closes a window of the console as its close button would, asking it first (a window may refuse). */
public final class Escape {

    private Escape() {
    }

    /** Esc not used by a control of {@code window} (an open menu, a cell being edited) closes it. */
    public static void closes(Window window) {
        window.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && window.isShowing()) {
                e.consume();
                // the window's close-request handler may refuse (an apply under way); not consumed, the window hides
                window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST));
            }
        });
    }
}
