package org.drillconsole.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.drillconsole.model.journal.JournalEvent;

/** The hash chain over a run's events: each hash covers the previous one and the event's own fields. */
public final class EventChain {

    public static final String GENESIS = "0".repeat(64);
    private static final char SEPARATOR = '\u001f';

    private EventChain() {
    }

    public static String hash(String prevHash, long runId, int seq, String recordedAt, String kind, String stepId,
                              String outcome, String detail) {
        String text = String.join(String.valueOf(SEPARATOR), prevHash, Long.toString(runId), Integer.toString(seq),
                recordedAt, kind, nullToEmpty(stepId), nullToEmpty(outcome), nullToEmpty(detail));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The first event whose hash or link does not match, or -1 when the chain is intact. */
    public static int firstBroken(List<JournalEvent> events) {
        String prev = GENESIS;
        int expectedSeq = 1;
        for (JournalEvent e : events) {
            String expected = hash(prev, e.runId(), e.seq(), e.recordedAt().toString(), e.kind(), e.stepId(),
                    e.outcome(), e.detail());
            if (e.seq() != expectedSeq || !e.prevHash().equals(prev) || !e.hash().equals(expected)) {
                return e.seq();
            }
            prev = e.hash();
            expectedSeq++;
        }
        return -1;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
