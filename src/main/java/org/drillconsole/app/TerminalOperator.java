package org.drillconsole.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BiConsumer;
import org.drillconsole.drill.HumanTime;
import org.drillconsole.drill.Operator;
import org.drillconsole.model.drill.Step;

/**
 * The operator at a terminal: steps are printed, answers read from standard input ({@code done},
 * {@code skip REASON}, {@code fail REASON}, {@code note TEXT}, {@code abort REASON}). Closing standard input
 * aborts the run.
 */
final class TerminalOperator implements Operator {

    /** Marks the end of standard input in the queue of lines. */
    private static final String END_OF_INPUT = new String("end of input");

    private final String name;
    private final BufferedReader in;
    private final PrintStream out;
    private final BiConsumer<String, String> note;
    /** Lines are read on their own thread, so a prompt can give up waiting when the run is interrupted. */
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private Thread reader;
    private volatile String interruption;

    /** @param note records a note (step id, text) in the journal */
    TerminalOperator(String name, BufferedReader in, PrintStream out, BiConsumer<String, String> note) {
        this.name = name;
        this.in = in;
        this.out = out;
        this.note = note;
    }

    /** Every prompt, now and later, answers "abort" with this reason (Ctrl+C or SIGTERM). */
    void interrupt(String reason) {
        interruption = reason;
    }

    /** Why no answer came: the run was interrupted, or standard input closed. */
    private String noAnswer() {
        return interruption != null ? interruption : "standard input closed";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Answer answer(Step step) {
        if (step.instructions() != null) {
            step.instructions().strip().lines().forEach(line -> out.println("    " + line));
        }
        if (step instanceof Step.Approval approval) {
            out.println("    approval by " + approval.approver() + ": type done NAME when they approve");
        }
        while (true) {
            String line = ask("  done | skip REASON | fail REASON | note TEXT | abort REASON > ");
            if (line == null) {
                return Answer.abort(noAnswer());
            }
            String[] words = line.strip().split("\\s+", 2);
            String rest = words.length > 1 ? words[1] : "";
            switch (words[0]) {
                case "done" -> {
                    return Answer.done(rest.isBlank() ? name : rest);
                }
                case "skip", "fail", "abort" -> {
                    if (rest.isBlank()) {
                        out.println("  a reason, please: " + words[0] + " REASON");
                        continue;
                    }
                    return words[0].equals("skip") ? Answer.skip(rest)
                            : words[0].equals("fail") ? Answer.fail(rest) : Answer.abort(rest);
                }
                case "note" -> note.accept(step.id(), rest);
                default -> out.println("  not understood: " + line);
            }
        }
    }

    @Override
    public Answer preflightFailed(List<String> failures) {
        out.println("  preflight failed:");
        failures.forEach(f -> out.println("    - " + f));
        while (true) {
            String line = ask("  override REASON | abort REASON > ");
            if (line == null) {
                return Answer.abort(noAnswer());
            }
            String[] words = line.strip().split("\\s+", 2);
            if (words.length == 2 && words[0].equals("override")) {
                return Answer.skip(words[1]);
            }
            if (words.length == 2 && words[0].equals("abort")) {
                return Answer.abort(words[1]);
            }
            out.println("  override or abort, with a reason");
        }
    }

    @Override
    public Answer stepFailed(Step step, String why) {
        out.println("  FAILED: " + why);
        while (true) {
            String line = ask("  retry | skip REASON | abort REASON > ");
            if (line == null) {
                return Answer.abort(noAnswer());
            }
            String[] words = line.strip().split("\\s+", 2);
            if (words[0].equals("retry")) {
                return Answer.retry();
            }
            if (words.length == 2 && (words[0].equals("skip") || words[0].equals("abort"))) {
                return words[0].equals("skip") ? Answer.skip(words[1]) : Answer.abort(words[1]);
            }
            out.println("  retry, or skip/abort with a reason");
        }
    }

    @Override
    public String confirmAction(Step step, String context, String plan) {
        // The plan was just printed as the ACTION_PLANNED event. A name that is not the context's is asked
        // again (a typo must not leave the step undone); an empty line declines.
        while (true) {
            String line = ask("  type the context name \"" + context + "\" (an empty line: do not) to go ahead > ");
            if (line == null || line.isBlank() || line.strip().equals(context)) {
                return line == null ? "" : line.strip();
            }
            out.println("  \"" + line.strip() + "\" is not the context name \"" + context + "\": nothing was changed;"
                    + " type it exactly, or an empty line to not do it");
        }
    }

    /**
     * For {@code backupAge} with {@code source: operator}: a time as people write it ("13:05", "13:05 UTC",
     * "15m ago", an ISO time), echoed back as understood before it is used; asked again when not understood.
     */
    Instant newestBackup(Step step) {
        while (true) {
            String line = ask("  when was the newest backup or replication point? (e.g. 13:05, 13:05 UTC, 15m ago) > ");
            if (line == null || line.isBlank()) {
                return null;
            }
            try {
                HumanTime.Understood understood = HumanTime.parse(line, Instant.now(), ZoneId.systemDefault());
                out.println("  understood: " + understood.echo());
                return understood.at();
            } catch (IllegalArgumentException notUnderstood) {
                out.println("  " + notUnderstood.getMessage());
            }
        }
    }

    /** @return the line typed, or null when standard input closed or the run was interrupted */
    private String ask(String prompt) {
        out.print(prompt);
        out.flush();
        startReader();
        try {
            while (interruption == null) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null) {
                    return line == END_OF_INPUT ? null : line;
                }
            }
            out.println();
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private synchronized void startReader() {
        if (reader != null) {
            return;
        }
        reader = new Thread(() -> {
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // treated as the end of input
            }
            lines.add(END_OF_INPUT);
        }, "terminal-input");
        reader.setDaemon(true);
        reader.start();
    }
}
