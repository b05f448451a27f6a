package org.drillconsole.ui.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The Markdown runbook instructions use, rendered: paragraphs (lines joined), "- " bullets, **bold** and
 * `code`. Anything else is shown as written.
 */
final class MarkdownText {

    private static final Pattern INLINE = Pattern.compile("\\*\\*(.+?)\\*\\*|`([^`]+)`");

    private MarkdownText() {
    }

    static TextFlow render(String markdown) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("instructions");
        List<String> blocks = blocks(markdown);
        for (int i = 0; i < blocks.size(); i++) {
            if (i > 0) {
                flow.getChildren().add(new Text("\n"));
            }
            inline(flow, blocks.get(i));
        }
        return flow;
    }

    /** Paragraphs with their lines joined; each bullet its own block. */
    static List<String> blocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String raw : markdown.strip().split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("- ") || line.startsWith("* ")) {
                if (paragraph.length() > 0) {
                    blocks.add(paragraph.toString());
                    paragraph.setLength(0);
                }
                if (!line.isEmpty()) {
                    blocks.add("• " + line.substring(2));
                }
                continue;
            }
            paragraph.append(paragraph.length() == 0 ? "" : " ").append(line);
        }
        if (paragraph.length() > 0) {
            blocks.add(paragraph.toString());
        }
        return blocks;
    }

    private static void inline(TextFlow flow, String text) {
        Matcher m = INLINE.matcher(text);
        int at = 0;
        while (m.find()) {
            flow.getChildren().add(new Text(text.substring(at, m.start())));
            Text styled = new Text(m.group(1) != null ? m.group(1) : m.group(2));
            styled.getStyleClass().add(m.group(1) != null ? "md-bold" : "md-code");
            flow.getChildren().add(styled);
            at = m.end();
        }
        flow.getChildren().add(new Text(text.substring(at)));
    }
}
