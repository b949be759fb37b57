package dev.meshdeck.views.details;

import javafx.scene.Node;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** A read-only, syntax-highlighted YAML document; colours come from the yaml-* classes in details.css. */
final class YamlView {

    private YamlView() {
    }

    static Node of(String yaml) {
        CodeArea area = new CodeArea(yaml);
        area.setEditable(false);
        area.getStyleClass().add("yaml-area");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        if (!yaml.isEmpty()) {
            area.setStyleSpans(0, styleSpans(yaml, YamlHighlighter.spans(yaml)));
        }
        area.moveTo(0);
        area.requestFollowCaret();
        return new VirtualizedScrollPane<>(area);
    }

    private static StyleSpans<Collection<String>> styleSpans(String text, List<YamlHighlighter.Span> spans) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int end = 0;
        for (YamlHighlighter.Span span : spans) {
            builder.add(Set.of(), span.start() - end);
            builder.add(Set.of(span.styleClass()), span.end() - span.start());
            end = span.end();
        }
        builder.add(Set.of(), text.length() - end);
        return builder.create();
    }
}
