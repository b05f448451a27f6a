package org.drillconsole.ui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** What the connection dialog keeps of a typed Gitpod URL. */
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
}
