package org.drillconsole.drill;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import org.drillconsole.model.NamedFiles;
import org.drillconsole.model.drill.DrillDefinition;
import org.drillconsole.model.drill.Parameter;

/**
 * Reads a runbook and checks it completely, shape and meaning, with its parameters substituted. Every
 * problem names the file, line, column and path. Whatever the file holds, this answers: it never throws
 * anything but {@link DrillFileException}.
 */
public final class DrillLoader {

    /**
     * What a runbook is, as far as it could be read.
     *
     * @param drill the runbook, ready to run; null when there are problems or parameters without values
     * @param unreadable the file could not be read at all (missing, a folder, not a regular file)
     * @param missingValues parameters with neither a value nor a default
     */
    public record Checked(DrillDefinition drill, List<DrillProblem> problems, List<Parameter> parameters,
                          List<String> missingValues, boolean unreadable, Outline outline) {

        Checked(DrillDefinition drill, List<DrillProblem> problems, List<Parameter> parameters,
                List<String> missingValues, boolean unreadable) {
            this(drill, problems, parameters, missingValues, unreadable, null);
        }
    }

    /**
     * What a runbook is, read even while it cannot run yet (a parameter without a value, a problem further
     * down): its metadata, strategy and objectives, for a list of runbooks to show. Null where they could not
     * be read.
     */
    public record Outline(DrillDefinition.Metadata metadata, org.drillconsole.model.drill.Strategy strategy,
                          DrillDefinition.Objectives objectives) {
    }

    /** Said when the console itself fails on a runbook (a defect): tests look for it. */
    public static final String INTERNAL_ERROR = "the console could not finish checking this runbook (an internal"
            + " error; please report it with the file): it is not used";

    private DrillLoader() {
    }

    /** A runbook without parameter values: for runbooks whose parameters all have defaults. */
    public static DrillDefinition load(Path file) throws DrillFileException {
        return load(file, ParameterValues.none());
    }

    /** A runbook ready to run: valid, and every parameter has a valid value. */
    public static DrillDefinition load(Path file, ParameterValues values) throws DrillFileException {
        Checked checked = check(file, values, true);
        if (checked.drill() == null) {
            throw new DrillFileException(checked.problems().isEmpty()
                    ? List.of(new DrillProblem(file, 0, 0, "", "the runbook cannot be used")) : checked.problems());
        }
        return checked.drill();
    }

    /**
     * Checks a runbook. With {@code requireValues} false, a parameter without a value is not a problem (it
     * is listed in {@link Checked#missingValues()}) and what depends on it is checked once it has one.
     */
    public static Checked check(Path file, ParameterValues values, boolean requireValues) {
        byte[] bytes;
        try {
            bytes = NamedFiles.read(file, "runbook file", RunbookYaml.MAX_BYTES);
        } catch (NamedFiles.TooLarge e) {
            return new Checked(null, List.of(new DrillProblem(file, 0, 0, "", e.getMessage())), List.of(), List.of(),
                    false);
        } catch (NamedFiles.Unreadable e) {
            return unreadable(file, e.getMessage());
        }
        RunbookYaml.Parsed parsed = RunbookYaml.parse(file, bytes, "runbook");
        if (parsed.root() == null) {
            return new Checked(null, parsed.problems(), List.of(), List.of(), false);
        }
        try {
            RunbookReader.Result result = RunbookReader.read(file, parsed.root(), sha256(bytes), values, requireValues);
            return new Checked(result.drill(), result.problems(), result.parameters(), result.missingValues(), false,
                    result.outline());
        } catch (RuntimeException bug) {
            // A defect of ours, never the author's: said plainly, and the runbook is not used. The generated
            // runbook tests fail on this message.
            return new Checked(null, List.of(new DrillProblem(file, 1, 1, "", INTERNAL_ERROR)), List.of(), List.of(),
                    false);
        }
    }

    private static Checked unreadable(Path file, String why) {
        return new Checked(null, List.of(new DrillProblem(file, 0, 0, "", why)), List.of(), List.of(), true);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
