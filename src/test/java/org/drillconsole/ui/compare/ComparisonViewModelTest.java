package org.drillconsole.ui.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** An empty comparison says why: nothing differs, or a side is not known and nothing was compared. */
class ComparisonViewModelTest {

    @Test
    void anEmptyComparisonWithASideNotKnownSaysWhichSideAndThatNothingWasCompared() {
        assertEquals("not compared: the primary's objects are not known", ComparisonViewModel.emptyBecause(false, true));
        assertEquals("not compared: the standby's objects are not known", ComparisonViewModel.emptyBecause(true, false));
        assertEquals("not compared: neither cluster's objects are known yet", ComparisonViewModel.emptyBecause(false, false));
    }

    @Test
    void anEmptyComparisonOfTwoKnownSidesMeansEveryComponentMatches() {
        assertTrue(ComparisonViewModel.emptyBecause(true, true).startsWith("no differences"));
    }

    @Test
    void beforeAnySnapshotItSaysNothingIsKnownYet() {
        assertEquals("not compared: neither cluster's objects are known yet",
                new ComparisonViewModel().emptyTextProperty().get());
    }
}
