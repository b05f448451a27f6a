package org.drillconsole.ui.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    @Test
    void joinsParagraphLinesAndKeepsBulletsApart() {
        assertEquals(List.of("Open the incident and announce it.", "• stop workspaces", "• scale ws-manager to 0",
                        "RTO runs from the outage."),
                MarkdownText.blocks("Open the incident\nand announce it.\n- stop workspaces\n* scale ws-manager to 0\n\n"
                        + "RTO runs from\nthe outage."));
    }
}
