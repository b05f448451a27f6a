package org.drillconsole.drill;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.drillconsole.model.NamedFiles;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The values given for a runbook's parameters, each with where it came from: values files
 * ({@code --values prod.yaml}, a plain map of name to value), then {@code --set name=value}, later ones
 * winning. A values file may hold values for parameters a runbook does not declare (one file serves all
 * of an installation's runbooks); {@code --set} of an undeclared name is a problem.
 */
public final class ParameterValues {

    /**
     * @param source where the value was given, for messages: a values file with its line (line 0 otherwise)
     * @param origin how it was given, in words: "--set", "the parameter form", "values file prod.yaml"
     * @param explicit typed for this runbook (--set, the form), so a name it does not declare is a mistake
     */
    public record Given(String value, DrillProblem source, String origin, boolean explicit) {
    }

    private final Map<String, Given> values = new LinkedHashMap<>();
    private final List<DrillProblem> problems = new ArrayList<>();
    private final List<DrillProblem> unreadable = new ArrayList<>();

    public static ParameterValues none() {
        return new ParameterValues();
    }

    /** Reads a values file; its problems (not found, not a map, a value that is not text) are kept. */
    public ParameterValues file(Path file) {
        byte[] bytes;
        try {
            bytes = NamedFiles.read(file, "values file", RunbookYaml.MAX_BYTES);
        } catch (NamedFiles.Unreadable e) {
            DrillProblem problem = new DrillProblem(file, 0, 0, "", e.getMessage());
            problems.add(problem);
            if (!(e instanceof NamedFiles.TooLarge)) {
                unreadable.add(problem);
            }
            return this;
        }
        RunbookYaml.Parsed parsed = RunbookYaml.parse(file, bytes, "values file");
        problems.addAll(parsed.problems());
        if (parsed.root() == null) {
            return this;
        }
        if (!(parsed.root() instanceof MappingNode map)) {
            problems.add(RunbookYaml.problem(file, parsed.root().getStartMark(), "",
                    "a values file is a map of parameter names to values, such as \"domain: gitpod.example.com\""));
            return this;
        }
        for (NodeTuple entry : map.getValue()) {
            if (!(entry.getKeyNode() instanceof ScalarNode key)) {
                problems.add(RunbookYaml.problem(file, entry.getKeyNode().getStartMark(), "",
                        "a parameter name is plain text"));
                continue;
            }
            DrillProblem where = RunbookYaml.problem(file, entry.getValueNode().getStartMark(), key.getValue(), "");
            if (!(entry.getValueNode() instanceof ScalarNode value) || value.getTag().equals(Tag.NULL)) {
                problems.add(RunbookYaml.problem(file, entry.getValueNode().getStartMark(), key.getValue(),
                        "the value of a parameter is one piece of text, such as gitpod.example.com"));
                continue;
            }
            values.put(key.getValue(), new Given(value.getValue(), where, "values file " + file.getFileName(), false));
        }
        return this;
    }

    /** Adds {@code name=value} from the command line or the window. */
    public ParameterValues set(String assignment, Path runbook) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            problems.add(new DrillProblem(runbook, 0, 0, "", "--set " + assignment + ": write --set name=value"));
            return this;
        }
        return typed(assignment.substring(0, eq).strip(), assignment.substring(eq + 1), runbook, "--set");
    }

    /** One value typed in the window's parameter form. */
    public ParameterValues put(String name, String value, Path runbook) {
        return typed(name, value, runbook, "the parameter form");
    }

    private ParameterValues typed(String name, String value, Path runbook, String origin) {
        values.put(name, new Given(value, new DrillProblem(runbook, 0, 0, name, ""), origin, true));
        return this;
    }

    public Map<String, Given> values() {
        return java.util.Collections.unmodifiableMap(values);
    }

    public List<DrillProblem> problems() {
        return List.copyOf(problems);
    }

    /** The values files that are not files at all (missing, a folder, a pipe): a mistake in the command, not in them. */
    public List<DrillProblem> unreadableFiles() {
        return List.copyOf(unreadable);
    }
}
