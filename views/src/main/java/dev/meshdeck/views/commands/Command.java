package dev.meshdeck.views.commands;

import java.util.List;
import javafx.scene.input.KeyCombination;

/**
 * An action of the window reachable from anywhere: a line of the command palette and, with keys, a shortcut of
 * the window listed in the shortcut sheet.
 *
 * @param keys the shortcuts that run it, the first one shown; empty for palette only
 */
public record Command(String title, String detail, List<KeyCombination> keys, Runnable run) {

    public Command {
        keys = List.copyOf(keys);
    }

    /** The shortcuts as the user presses them: "Ctrl+H", "Ctrl+K or Ctrl+Shift+P". */
    public String keysText() {
        return String.join(" or ", keys.stream().map(KeyCombination::getDisplayText).toList());
    }

    public PaletteEntry entry() {
        return new PaletteEntry(PaletteEntry.Kind.ACTION, title, detail,
                keys.isEmpty() ? "" : keys.get(0).getDisplayText(), run);
    }
}
