package org.drillconsole.ui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the connection dialog keeps of a typed Gitpod URL, and which namespaces it accepts. */
class ConnectionDialogTest {

    @Test
    void keepsAUrlTheProbeAcceptsTrimmed() {
        assertEquals("https://gitpod.example.com/api/version",
                ConnectionDialog.usableUrl("  https://gitpod.example.com/api/version "));
    }

    @Test
    void neverKeepsAUserAndPasswordNorAnythingTheProbeRefuses() {
        assertNull(ConnectionDialog.usableUrl("https://oncall:hunter2@gitpod.example.com/api/version"));
        assertNull(ConnectionDialog.usableUrl("https://gitpod.example.com:99999/"));
        assertNull(ConnectionDialog.usableUrl("ftp://gitpod.example.com/"));
        assertNull(ConnectionDialog.usableUrl("   "));
    }

    @Test
    void acceptsANamespaceNameOrBlankForTheDefaultAndSaysWhatIsWrongWithAnythingElse() {
        assertNull(ConnectionDialog.namespaceProblem("gitpod"));
        assertNull(ConnectionDialog.namespaceProblem(" gitpod-prod "));
        assertNull(ConnectionDialog.namespaceProblem(""));
        for (String wrong : new String[] {"Gitpod", "a b", "x/y", "-gitpod", "a".repeat(64)}) {
            String problem = ConnectionDialog.namespaceProblem(wrong);
            assertTrue(problem != null && problem.startsWith("not a namespace name: it "), wrong + ": " + problem);
        }
    }
}
