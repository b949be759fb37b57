package dev.meshdeck.views.editing;

import javafx.util.StringConverter;

/** Whole percentages for table cells; anything else is refused (null) and the cell shows the model's value again. */
final class PercentConverter extends StringConverter<Integer> {
    @Override
    public String toString(Integer value) {
        return value == null ? "" : value.toString();
    }

    @Override
    public Integer fromString(String text) {
        try {
            return Integer.valueOf(text.trim().replace("%", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
