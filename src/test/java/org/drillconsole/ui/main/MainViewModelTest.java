package org.drillconsole.ui.main;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.ConnectionState;
import org.drillconsole.model.Side;
import org.drillconsole.model.Verdict;
import org.junit.jupiter.api.Test;

/** When a pane has settled: the journal is looked at for an unfinished run only once both have. */
class MainViewModelTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    static ClusterSnapshot snapshot(ConnectionState state, boolean objectsKnown) {
        return new ClusterSnapshot(Side.PRIMARY, "ctx", "https://k", "gitpod", state, "", Verdict.UNKNOWN, List.of(),
                5, "v1.32.4", NOW, objectsKnown, true, List.of(), List.of(), List.of(), List.of(), "", 0, List.of(),
                NOW, List.of(), null);
    }

    @Test
    void aPaneWithNoSnapshotYetOrStillConnectingHasNotSettled() {
        assertFalse(MainViewModel.settled(null));
        assertFalse(MainViewModel.settled(snapshot(ConnectionState.CONNECTING, false)));
    }

    @Test
    void aClusterThatAnswersHasSettledOnceItsObjectsAreListed() {
        for (ConnectionState answering : List.of(ConnectionState.ONLINE, ConnectionState.DEGRADED)) {
            assertFalse(MainViewModel.settled(snapshot(answering, false)), answering + " before the lists");
            assertTrue(MainViewModel.settled(snapshot(answering, true)), answering + " with the objects");
        }
    }

    @Test
    void aClusterThatDoesNotAnswerHasSettledAtOnce() {
        for (ConnectionState state : ConnectionState.values()) {
            if (state != ConnectionState.CONNECTING && !state.answers()) {
                assertTrue(MainViewModel.settled(snapshot(state, false)), state.toString());
            }
        }
    }
}
