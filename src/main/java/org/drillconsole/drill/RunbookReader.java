package org.drillconsole.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.drillconsole.model.drill.Names;
import org.drillconsole.model.drill.LabelSelectors;
import org.drillconsole.model.Side;
import org.drillconsole.model.drill.Action;
import org.drillconsole.model.drill.ActionStep;
import org.drillconsole.model.drill.Check;
import org.drillconsole.model.drill.CheckStep;
import org.drillconsole.model.drill.Clock;
import org.drillconsole.model.drill.DrillDefinition;
import org.drillconsole.model.drill.LabelSelector;
import org.drillconsole.model.drill.Parameter;
import org.drillconsole.model.drill.ParameterType;
import org.drillconsole.model.drill.Step;
import org.drillconsole.model.drill.StepType;
import org.drillconsole.model.drill.Strategy;
import org.drillconsole.model.drill.WorkloadTarget;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a runbook's YAML tree into the typed model, checking shape and meaning in one pass and recording
 * every problem at the line of the offending key or value. Parameters ({@code ${name}}) are substituted
 * in every string that may take one; a value still unknown (no value given) leaves the model unbuilt
 * without being a problem, unless values are required.
 */
final class RunbookReader {

    static final String API_VERSION = "drills.gitpod-dr/v1";
    static final String DEFAULT_NAMESPACE = "gitpod";
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\$\\{|\\$\\{([^}]*)}|\\$\\{");
    private static final Duration LONGEST_TIMEOUT = Duration.ofHours(24);
    private static final Duration LONGEST_INTERVAL = Duration.ofHours(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Set<String> STEP_COMMON = Set.of("id", "title", "type", "clock", "instructions");
    private static final Map<StepType, Set<String>> STEP_KEYS = Map.of(
            StepType.MANUAL, STEP_COMMON,
            StepType.APPROVAL, union(STEP_COMMON, Set.of("approver")),
            StepType.CHECK, union(STEP_COMMON, Set.of("cluster", "check", "timeout", "interval", "optional")),
            StepType.ACTION, union(STEP_COMMON, Set.of("cluster", "action", "optional")));
    private static final Set<String> ALL_STEP_KEYS = STEP_KEYS.values().stream().flatMap(Set::stream)
            .collect(Collectors.toUnmodifiableSet());

    /** Where a list of steps sits: only steps may mark the clock, only checks may be preflight. */
    enum Section {
        PREFLIGHT("preflight"), STEPS("steps"), CLEANUP("cleanup");

        final String key;

        Section(String key) {
            this.key = key;
        }
    }

    /**
     * @param drill null unless the runbook is valid and every parameter has a value
     * @param parameters the parameters the runbook declares, as far as they could be read
     * @param missingValues parameters with no value and no default
     */
    record Result(DrillDefinition drill, List<DrillProblem> problems, List<Parameter> parameters,
                  List<String> missingValues, DrillLoader.Outline outline) {
    }

    private final Path file;
    private final ParameterValues given;
    private final boolean requireValues;
    private final List<DrillProblem> problems = new ArrayList<>();
    private final Set<String> declared = new LinkedHashSet<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> missing = new ArrayList<>();
    private final List<Parameter> parameters = new ArrayList<>();
    /** A value depended on a parameter without a (valid) value: the model cannot be built. */
    private boolean pending;
    private Duration rpoObjective;
    /** The runbook writes an RPO objective, valid or not (an invalid one is its own problem, said once). */
    private boolean rpoWritten;

    private RunbookReader(Path file, ParameterValues given, boolean requireValues) {
        this.file = file;
        this.given = given;
        this.requireValues = requireValues;
    }

    static Result read(Path file, Node root, String contentHash, ParameterValues given, boolean requireValues) {
        RunbookReader reader = new RunbookReader(file, given, requireValues);
        DrillDefinition drill = reader.drill(root, contentHash);
        return new Result(reader.problems.isEmpty() && !reader.pending ? drill : null,
                List.copyOf(reader.problems), List.copyOf(reader.parameters), List.copyOf(reader.missing),
                drill == null ? null : new DrillLoader.Outline(drill.metadata(), drill.spec().strategy(),
                        drill.spec().objectives()));
    }

    // ---------------------------------------------------------------- the document

    private DrillDefinition drill(Node root, String contentHash) {
        Fields top = map(root, "", "a runbook: a map with apiVersion, kind, metadata and spec");
        if (top == null) {
            return null;
        }
        top.allow(Set.of("apiVersion", "kind", "metadata", "spec"), Set.of(), "a runbook");
        Text apiVersion = top.literal("apiVersion", true, "the runbook format, " + API_VERSION);
        if (apiVersion != null && !apiVersion.value().equals(API_VERSION)) {
            problem(apiVersion.node(), "apiVersion", "must be " + API_VERSION + ", not " + quoted(apiVersion.value()));
        }
        Text kind = top.literal("kind", true, "Drill");
        if (kind != null && !kind.value().equals("Drill")) {
            problem(kind.node(), "kind", "must be Drill, not " + quoted(kind.value()));
        }
        DrillDefinition.Metadata metadata = metadata(top);
        Fields spec = top.child("spec", true, "the drill itself: a map with strategy, objectives, steps, …");
        if (spec == null) {
            return null;
        }
        spec.allow(Set.of("strategy", "objectives", "namespace", "parameters", "preflight", "steps", "cleanup"),
                Set.of(), "spec");
        parameters(spec);
        Strategy strategy = spec.choice("strategy", true, byKey(Strategy.values(), Strategy::key));
        DrillDefinition.Objectives objectives = objectives(spec);
        Text namespaceText = spec.text("namespace", false, "a namespace name such as gitpod");
        String namespace = DEFAULT_NAMESPACE;
        if (namespaceText != null && !namespaceText.pending()) {
            String bad = Names.namespace(namespaceText.value());
            if (bad != null) {
                problem(namespaceText.node(), "spec.namespace", quoted(namespaceText.value()) + " is not a namespace: "
                        + "it " + bad + namespaceText.via());
            }
            namespace = namespaceText.value();
        }
        Map<String, String> ids = new LinkedHashMap<>();
        List<Step> preflight = steps(spec, Section.PREFLIGHT, ids);
        List<StepInfo> infos = new ArrayList<>();
        List<Step> steps = steps(spec, Section.STEPS, ids, infos);
        List<Step> cleanup = steps(spec, Section.CLEANUP, ids);
        shapeOfTheDrill(spec, strategy, objectives, preflight, infos);
        if (metadata == null || strategy == null) {
            return null;
        }
        List<CheckStep> checks = preflight.stream().filter(CheckStep.class::isInstance).map(CheckStep.class::cast)
                .toList();
        return new DrillDefinition(metadata, new DrillDefinition.Spec(strategy, objectives, namespace, parameters,
                checks, steps, cleanup), contentHash, values);
    }

    private DrillDefinition.Metadata metadata(Fields top) {
        Fields metadata = top.child("metadata", true, "a map with name, title and description");
        if (metadata == null) {
            return null;
        }
        metadata.allow(Set.of("name", "title", "description"), Set.of(), "metadata");
        Text name = metadata.literal("name", true, "the runbook's name, such as pilot-light-failover");
        if (name != null) {
            String bad = Names.label(name.value(), 63);
            if (bad != null) {
                problem(name.node(), "metadata.name", quoted(name.value()) + " " + bad);
            }
        }
        Text title = metadata.text("title", true, "a title for people");
        if (title != null && title.value().isBlank()) {
            problem(title.node(), "metadata.title", "is blank: give a title for people");
        }
        Text description = metadata.text("description", false, "a description for people");
        return name == null || title == null ? null : new DrillDefinition.Metadata(name.value(), title.value(),
                description == null ? null : description.value());
    }

    private DrillDefinition.Objectives objectives(Fields spec) {
        Fields objectives = spec.child("objectives", false, "a map with rto and rpo, such as { rto: 30m, rpo: 15m }");
        if (objectives == null) {
            return new DrillDefinition.Objectives(null, null);
        }
        objectives.allow(Set.of("rto", "rpo"), Set.of(), "objectives");
        Duration rto = objectives.duration("rto", false, Durations.LONGEST);
        Duration rpo = objectives.duration("rpo", false, Durations.LONGEST);
        rpoObjective = rpo;
        rpoWritten = objectives.present("rpo");
        return new DrillDefinition.Objectives(rto, rpo);
    }

    // ---------------------------------------------------------------- parameters

    private void parameters(Fields spec) {
        List<Node> items = spec.list("parameters", false, "a list of parameters, each with a name");
        Map<String, Node> declaredAt = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Fields p = map(items.get(i), "spec.parameters[" + i + "]", "a parameter: a map with name, description,"
                    + " type, default, pattern");
            if (p == null) {
                continue;
            }
            p.allow(Set.of("name", "description", "type", "default", "pattern"), Set.of(), "a parameter");
            Text name = p.literal("name", true, "the parameter's name, such as domain");
            ParameterType type = p.choice("type", false, byKey(ParameterType.values(), ParameterType::key));
            Text description = p.literal("description", false, "text");
            Text defaultValue = p.literal("default", false, "the value used when none is given");
            Text pattern = p.literal("pattern", false, "a regular expression");
            Pattern compiled = null;
            if (pattern != null) {
                try {
                    compiled = Pattern.compile(pattern.value());
                } catch (PatternSyntaxException e) {
                    problem(pattern.node(), p.path + ".pattern", "is not a regular expression: "
                            + e.getDescription() + " near character " + (e.getIndex() + 1));
                }
            }
            if (name == null) {
                continue;
            }
            if (!PARAMETER_NAME.matcher(name.value()).matches()) {
                problem(name.node(), p.path + ".name", quoted(name.value()) + " is not a parameter name: a letter, then"
                        + " letters, digits or _ (such as domain or gitpodNamespace)");
                continue;
            }
            if (declaredAt.containsKey(name.value())) {
                problem(name.node(), p.path + ".name", "the parameter " + name.value() + " is declared twice (first at"
                        + " line " + line(declaredAt.get(name.value())) + ")");
                continue;
            }
            declaredAt.put(name.value(), name.node());
            declared.add(name.value());
            ParameterType t = type == null ? ParameterType.STRING : type;
            Parameter parameter = new Parameter(name.value(), description == null ? null : description.value(), t,
                    defaultValue == null ? null : defaultValue.value(), pattern == null ? null : pattern.value());
            parameters.add(parameter);
            if (defaultValue != null) {
                String bad = ParameterRules.check(t, compiled, defaultValue.value());
                if (bad != null) {
                    problem(defaultValue.node(), p.path + ".default", "the default " + bad);
                }
            }
            resolve(parameter, compiled, name.node(), p.path);
        }
        for (String set : given.values().keySet()) {
            ParameterValues.Given g = given.values().get(set);
            if (g.explicit() && !declared.contains(set)) {
                problems.add(new DrillProblem(file, 1, 1, "", "the value " + set + "=" + g.value() + " (" + g.origin()
                        + ") is for a parameter this runbook does not have" + (declared.isEmpty() ? " (it has none)"
                        : " (it has " + String.join(", ", declared) + ")") + suggestion(set, declared)));
            }
        }
        problems.addAll(given.problems());
    }

    /** The value a parameter has in this reading: given, else its default; checked against its type. */
    private void resolve(Parameter parameter, Pattern pattern, Node declaration, String path) {
        ParameterValues.Given g = given.values().get(parameter.name());
        String value = g != null ? g.value() : parameter.defaultValue();
        if (value == null) {
            missing.add(parameter.name());
            if (requireValues) {
                problem(declaration, path, "the parameter " + parameter.name() + " has no value: give it in a values"
                        + " file (--values FILE) or with --set " + parameter.name() + "=VALUE ("
                        + parameter.type().example() + ")");
            }
            return;
        }
        String bad = ParameterRules.check(parameter.type(), pattern, value);
        if (bad == null) {
            values.put(parameter.name(), value);
            return;
        }
        if (g == null) {
            return; // the default itself is wrong: said where it is written
        }
        if (g.source().line() > 0) {
            problems.add(new DrillProblem(g.source().file(), g.source().line(), g.source().column(),
                    parameter.name(), "the value for " + parameter.name() + " " + bad));
        } else {
            problem(declaration, path, "the value of " + parameter.name() + " given in " + g.origin() + " " + bad);
        }
    }

    /** Replaces {@code ${name}} by the parameter's value; {@code $${} is a literal {@code ${}. */
    private Text substitute(String raw, Node node, String path) {
        if (!raw.contains("${")) {
            return new Text(raw, node, false, "");
        }
        Matcher m = REFERENCE.matcher(raw);
        StringBuilder out = new StringBuilder();
        boolean unknown = false;
        List<String> used = new ArrayList<>();
        while (m.find()) {
            String token = m.group();
            if (token.equals("$${")) {
                m.appendReplacement(out, Matcher.quoteReplacement("${"));
                continue;
            }
            if (m.group(1) == null) {
                problem(node, path, "an unclosed ${ : write ${name} for a parameter, or $${ for a literal ${");
                return null;
            }
            String name = m.group(1).strip();
            if (!declared.contains(name)) {
                problem(node, path, "${" + name + "} is not a declared parameter" + (declared.isEmpty()
                        ? ": declare it under spec.parameters" : " (declared: " + String.join(", ", declared) + ")"
                        + suggestion(name, declared)));
                unknown = true;
                continue;
            }
            String value = values.get(name);
            if (value == null) {
                pending = true;
                return new Text(raw, node, true, "");
            }
            used.add(name + "=" + value);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        if (unknown) {
            return new Text(raw, node, true, ""); // reported above; the model is not built
        }
        m.appendTail(out);
        return new Text(out.toString(), node, false, used.isEmpty() ? "" : " (with " + String.join(", ", used) + ")");
    }

    // ---------------------------------------------------------------- steps

    /** What the clock rules need of a step, even one that had problems. */
    private record StepInfo(int index, String id, StepType type, Clock clock, Node at) {
    }

    private List<Step> steps(Fields spec, Section section, Map<String, String> ids) {
        return steps(spec, section, ids, new ArrayList<>());
    }

    private List<Step> steps(Fields spec, Section section, Map<String, String> ids, List<StepInfo> infos) {
        List<Node> items = spec.list(section.key, false, "a list of steps");
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Step step = step(items.get(i), "spec." + section.key + "[" + i + "]", section, ids, infos, i);
            if (step != null) {
                steps.add(step);
            }
        }
        return steps;
    }

    private Step step(Node node, String path, Section section, Map<String, String> ids, List<StepInfo> infos,
                      int index) {
        Fields f = map(node, path, "a step: a map with id, type and the type's own keys");
        if (f == null) {
            return null;
        }
        Text id = f.literal("id", true, "the step's id, such as scale-up-standby");
        if (id != null) {
            String bad = Names.label(id.value(), 63);
            if (bad != null) {
                problem(id.node(), path + ".id", quoted(id.value()) + " " + bad);
            } else if (ids.containsKey(id.value())) {
                problem(id.node(), path + ".id", "the id " + id.value() + " is used twice (first at " + ids.get(id.value())
                        + "): each step needs its own");
            } else {
                ids.put(id.value(), path);
            }
        }
        StepType type = f.choice("type", true, byKey(StepType.values(), StepType::key));
        f.allow(type == null ? ALL_STEP_KEYS : STEP_KEYS.get(type), ALL_STEP_KEYS,
                type == null ? "a step" : article(type.key()) + " step");
        Text title = f.text("title", false, "a title for people");
        Text instructions = f.text("instructions", false, "Markdown for the operator");
        Clock clock = f.choice("clock", false, Map.of("start", Clock.START, "stop", Clock.STOP));
        if (clock != null && section != Section.STEPS) {
            problem(f.keyNode("clock"), path + ".clock", "the RTO clock is marked on steps, not in " + section.key);
        }
        if (section == Section.STEPS) {
            infos.add(new StepInfo(index, id == null ? null : id.value(), type, clock, f.keyNode("clock")));
        }
        if (type == null) {
            return null;
        }
        if (section == Section.PREFLIGHT && type != StepType.CHECK) {
            problem(f.value("type"), path + ".type", "preflight steps are checks, not " + type.key() + " steps");
            return null;
        }
        String idText = id == null ? null : id.value();
        String titleText = title == null ? null : title.value();
        String instructionText = instructions == null ? null : instructions.value();
        return switch (type) {
            case MANUAL -> {
                if (instructions == null || instructions.value().isBlank()) {
                    problem(instructions == null ? f.node : instructions.node(), path + ".instructions",
                            "a manual step needs instructions: what the operator does");
                    yield null;
                }
                yield new Step.Manual(idText, titleText, instructionText, clock);
            }
            case APPROVAL -> {
                Text approver = f.text("approver", true, "who approves, such as incident commander");
                if (approver != null && approver.value().isBlank()) {
                    problem(approver.node(), path + ".approver", "is blank: say who approves");
                    yield null;
                }
                yield approver == null ? null
                        : new Step.Approval(idText, titleText, instructionText, approver.value(), clock);
            }
            case CHECK -> checkStep(f, path, idText, titleText, instructionText, clock);
            case ACTION -> actionStep(f, path, idText, titleText, instructionText, clock);
        };
    }

    private CheckStep checkStep(Fields f, String path, String id, String title, String instructions, Clock clock) {
        Side cluster = f.choice("cluster", false, sides());
        Boolean optional = f.bool("optional");
        Duration timeout = f.duration("timeout", false, LONGEST_TIMEOUT);
        Duration interval = f.duration("interval", false, LONGEST_INTERVAL);
        if (interval != null && !f.present("timeout")) {
            problem(f.keyNode("interval"), path + ".interval", "an interval without a timeout means nothing: the check"
                    + " is tried once; add a timeout, or remove the interval");
        } else if (interval != null && timeout != null && interval.compareTo(timeout) > 0) {
            problem(f.keyNode("interval"), path + ".interval", "the interval (" + Durations.format(interval)
                    + ") is longer than the timeout (" + Durations.format(timeout) + "): the check would be tried once");
        }
        Fields block = f.child("check", true, "the check: a map with kind and the kind's own keys");
        if (block == null) {
            return null;
        }
        CheckKinds.Kind kind = block.choice("kind", true, CheckKinds.byKey());
        if (kind == null) {
            block.allow(union(CheckKinds.allFields(), Set.of("kind")), CheckKinds.allFields(), "a check");
            return null;
        }
        block.allow(union(kind.fields(), Set.of("kind")), CheckKinds.allFields(), article(kind.key()) + " check");
        Check check = kind.read(new Block(block));
        String clusterRule = kind.clusterRule(check, cluster != null, block);
        if (clusterRule != null) {
            problem(f.present("cluster") ? f.value("cluster") : f.node, path + ".cluster", clusterRule);
            return null;
        }
        if (check == null || (f.present("cluster") && cluster == null) || (f.present("optional") && optional == null)) {
            return null;
        }
        return new CheckStep(id, title, instructions, cluster, clock, check, timeout == null ? Duration.ZERO : timeout,
                interval == null ? Duration.ofSeconds(10) : interval, Boolean.TRUE.equals(optional));
    }

    private ActionStep actionStep(Fields f, String path, String id, String title, String instructions, Clock clock) {
        Side cluster = f.choice("cluster", true, sides());
        Boolean optional = f.bool("optional");
        Fields block = f.child("action", true, "the action: a map with kind and the kind's own keys");
        if (block == null) {
            return null;
        }
        ActionKinds.Kind kind = block.choice("kind", true, ActionKinds.byKey());
        if (kind == null) {
            block.allow(union(ActionKinds.allFields(), Set.of("kind")), ActionKinds.allFields(), "an action");
            return null;
        }
        block.allow(union(kind.fields(), Set.of("kind")), ActionKinds.allFields(), article(kind.key()) + " action");
        Action action = kind.read(new Block(block));
        if (action == null || cluster == null || (f.present("optional") && optional == null)) {
            return null;
        }
        return new ActionStep(id, title, instructions, cluster, clock, action, Boolean.TRUE.equals(optional));
    }

    /** The rules across steps: the RTO clock, and a drill that has something to do. */
    private void shapeOfTheDrill(Fields spec, Strategy strategy, DrillDefinition.Objectives objectives,
                                 List<Step> preflight, List<StepInfo> steps) {
        boolean preflightWritten = spec.value("preflight") instanceof SequenceNode written && !written.getValue().isEmpty();
        if (strategy == Strategy.READINESS) {
            if (!steps.isEmpty()) {
                problem(spec.keyNode("steps"), "spec.steps", "a readiness check changes nothing and runs no clock: it"
                        + " has preflight checks only (use another strategy for a drill with steps)");
            }
            if (!preflightWritten) {
                problem(spec.node, "spec.preflight", "a readiness check with no preflight checks checks nothing");
            }
            return;
        }
        if (strategy == null) {
            return;
        }
        if (steps.isEmpty()) {
            problem(spec.present("steps") ? spec.value("steps") : spec.node, "spec.steps", "a " + strategy.key()
                    + " drill needs steps (a check-only drill is strategy: readiness)");
            return;
        }
        StepInfo start = null;
        StepInfo stop = null;
        for (StepInfo step : steps) {
            if (step.clock() == Clock.START) {
                if (start != null) {
                    problem(step.at(), "spec.steps[" + step.index() + "].clock", "the clock starts once (already at"
                            + " step " + start.id() + ")");
                } else {
                    start = step;
                }
            } else if (step.clock() == Clock.STOP) {
                if (stop != null) {
                    problem(step.at(), "spec.steps[" + step.index() + "].clock", "the clock stops once (already at"
                            + " step " + stop.id() + ")");
                } else {
                    stop = step;
                }
            }
        }
        if (start == null) {
            problem(spec.keyNode("steps"), "spec.steps", "no step has clock: start (where the outage, and the RTO"
                    + " clock, begins)");
        }
        if (stop == null) {
            problem(spec.keyNode("steps"), "spec.steps", "no step has clock: stop (the check that proves Gitpod"
                    + " serves again)");
        }
        if (start != null && stop != null && stop.index() < start.index()) {
            problem(stop.at(), "spec.steps[" + stop.index() + "].clock", "the clock stops before it starts (step "
                    + start.id() + ")");
        }
        if (stop != null && stop.type() != null && stop.type() != StepType.CHECK) {
            problem(stop.at(), "spec.steps[" + stop.index() + "].clock", "the clock stops on a check that proves"
                    + " service is back, not on " + article(stop.type().key()) + " step");
        }
        if (objectives.rto() == null && !spec.has("objectives", "rto")) {
            problem(spec.present("objectives") ? spec.value("objectives") : spec.node, "spec.objectives.rto",
                    "a drill with a clock needs an RTO objective, such as objectives: { rto: 30m }");
        }
    }

    // ---------------------------------------------------------------- typed access to a map

    /** A scalar's text after substitution; {@code pending} when it uses a parameter without a value. */
    record Text(String value, Node node, boolean pending, String via) {
    }

    /** A map of the runbook, with its keys checked for duplicates. */
    final class Fields {
        final Node node;
        final String path;
        private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

        Fields(MappingNode map, String path) {
            this.node = map;
            this.path = path;
            for (NodeTuple entry : map.getValue()) {
                Node key = entry.getKeyNode();
                if (!(key instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
                    problem(key, path, "a key is a plain word, not " + found(key));
                    continue;
                }
                NodeTuple first = entries.get(scalar.getValue());
                if (first != null) {
                    problem(key, join(path, scalar.getValue()), "the key " + scalar.getValue() + " is written twice (first"
                            + " at line " + line(first.getKeyNode()) + "): each key may appear once");
                    continue;
                }
                entries.put(scalar.getValue(), entry);
            }
        }

        Node value(String key) {
            NodeTuple entry = entries.get(key);
            return entry == null ? null : entry.getValueNode();
        }

        Node keyNode(String key) {
            NodeTuple entry = entries.get(key);
            return entry == null ? node : entry.getKeyNode();
        }

        boolean present(String key) {
            Node value = value(key);
            return value != null && !isNull(value);
        }

        /** Whether a child map has a key (for rules that look one level down). */
        boolean has(String child, String key) {
            return value(child) instanceof MappingNode map && map.getValue().stream()
                    .anyMatch(t -> t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key));
        }

        /** Every key must be one of {@code allowed}; keys known elsewhere are said not to apply here. */
        void allow(Collection<String> allowed, Collection<String> knownElsewhere, String what) {
            for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
                String key = entry.getKey();
                if (allowed.contains(key)) {
                    continue;
                }
                String where = join(path, key);
                if (knownElsewhere.contains(key)) {
                    problem(entry.getValue().getKeyNode(), where, key + " does not apply to " + what + " ("
                            + takes(allowed) + ")");
                } else {
                    problem(entry.getValue().getKeyNode(), where, "unknown key \"" + key + "\"" + suggestion(key, allowed)
                            + " (" + takes(allowed) + ")");
                }
            }
        }

        Fields child(String key, boolean required, String expected) {
            Node value = value(key);
            if (value == null || isNull(value)) {
                if (required) {
                    problem(value == null ? node : value, join(path, key), "missing: " + expected);
                }
                return null;
            }
            return map(value, join(path, key), expected);
        }

        List<Node> list(String key, boolean required, String expected) {
            Node value = value(key);
            if (value == null || isNull(value)) {
                if (required) {
                    problem(value == null ? node : value, join(path, key), "missing: " + expected);
                }
                return List.of();
            }
            if (!(value instanceof SequenceNode sequence)) {
                problem(value, join(path, key), "expected " + expected + ", found " + found(value));
                return List.of();
            }
            return sequence.getValue();
        }

        /** A scalar as written, parameters not allowed (ids, kinds, names of the runbook itself). */
        Text literal(String key, boolean required, String expected) {
            Text text = scalar(key, required, expected);
            if (text != null && text.value().contains("${")) {
                problem(text.node(), join(path, key), "a parameter cannot be used here: write the value itself");
                return null;
            }
            return text;
        }

        /** A scalar with parameters substituted; null when missing or invalid; check {@link Text#pending()}. */
        Text text(String key, boolean required, String expected) {
            Text text = scalar(key, required, expected);
            return text == null ? null : substitute(text.value(), text.node(), join(path, key));
        }

        /** Text that must have a value now: null (and {@code pending} set) when it waits for a parameter. */
        Text known(String key, boolean required, String expected) {
            Text text = text(key, required, expected);
            return text == null || text.pending() ? null : text;
        }

        private Text scalar(String key, boolean required, String expected) {
            Node value = value(key);
            if (value == null || isNull(value)) {
                if (required) {
                    problem(value == null ? node : value, join(path, key), "missing: " + expected);
                }
                return null;
            }
            if (!(value instanceof ScalarNode scalar)) {
                problem(value, join(path, key), "expected " + expected + ", found " + found(value));
                return null;
            }
            return new Text(scalar.getValue(), value, false, "");
        }

        <E> E choice(String key, boolean required, Map<String, E> choices) {
            String expected = "one of " + String.join(", ", choices.keySet());
            Text text = literal(key, required, expected);
            if (text == null) {
                return null;
            }
            E chosen = choices.get(text.value());
            if (chosen == null) {
                problem(text.node(), join(path, key), "must be " + expected + ", not " + quoted(text.value())
                        + suggestion(text.value(), choices.keySet()));
            }
            return chosen;
        }

        Boolean bool(String key) {
            Text text = known(key, false, "true or false");
            if (text == null) {
                return null;
            }
            return switch (text.value()) {
                case "true", "True", "TRUE" -> true;
                case "false", "False", "FALSE" -> false;
                default -> {
                    problem(text.node(), join(path, key), "must be true or false, not " + quoted(text.value()));
                    yield null;
                }
            };
        }

        Integer whole(String key, boolean required, int min, int max) {
            Text text = known(key, required, "a whole number");
            if (text == null) {
                return null;
            }
            String value = text.value().strip();
            BigDecimal number;
            try {
                number = new BigDecimal(value.length() > 40 ? "x" : value);
            } catch (NumberFormatException e) {
                problem(text.node(), join(path, key), "expected a whole number from " + min + " to " + max + ", found "
                        + quoted(value) + text.via());
                return null;
            }
            if (number.stripTrailingZeros().scale() > 0) {
                problem(text.node(), join(path, key), "must be a whole number, not " + value + text.via());
                return null;
            }
            if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
                problem(text.node(), join(path, key), "must be from " + min + " to " + max + ", not " + value + text.via());
                return null;
            }
            return number.intValueExact();
        }

        Duration duration(String key, boolean required, Duration longest) {
            Text text = known(key, required, "a duration such as 30s, 5m, 1h or 1h30m");
            if (text == null) {
                return null;
            }
            try {
                Duration duration = Durations.parse(text.value());
                if (duration.isZero()) {
                    problem(text.node(), join(path, key), "must be longer than zero" + text.via());
                    return null;
                }
                if (duration.compareTo(longest) > 0) {
                    problem(text.node(), join(path, key), Durations.format(duration) + " is longer than the "
                            + Durations.format(longest) + " allowed here" + text.via());
                    return null;
                }
                return duration;
            } catch (IllegalArgumentException e) {
                problem(text.node(), join(path, key), e.getMessage() + text.via());
                return null;
            }
        }

        /** A list of scalars, each checked; null when missing, not a list, or an item is wrong. */
        List<String> strings(String key, boolean required, String expected, Function<String, String> rule) {
            Node value = value(key);
            if (value == null || isNull(value)) {
                if (required) {
                    problem(value == null ? node : value, join(path, key), "missing: " + expected);
                }
                return null;
            }
            if (!(value instanceof SequenceNode sequence)) {
                problem(value, join(path, key), "expected " + expected + ", found " + found(value));
                return null;
            }
            List<String> items = new ArrayList<>();
            boolean ok = true;
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Node item = sequence.getValue().get(i);
                String at = join(path, key) + "[" + i + "]";
                if (!(item instanceof ScalarNode scalar) || isNull(item)) {
                    problem(item, at, "expected " + expected + ", found " + found(item) + " in the list");
                    ok = false;
                    continue;
                }
                Text text = substitute(scalar.getValue(), item, at);
                if (text == null || text.pending()) {
                    ok = false;
                    continue;
                }
                String bad = rule.apply(text.value());
                if (bad != null) {
                    problem(item, at, quoted(text.value()) + " " + bad + text.via());
                    ok = false;
                    continue;
                }
                items.add(text.value());
            }
            return ok ? items : null;
        }

        /** The patch of a mergePatch: a map, written as JSON, parameters substituted in its text. */
        String jsonObject(String key) {
            Node value = value(key);
            if (value == null || isNull(value)) {
                problem(node, join(path, key), "missing: the merge patch, a map such as { spec: { replicas: 2 } }");
                return null;
            }
            if (!(value instanceof MappingNode) || ((MappingNode) value).getValue().isEmpty()) {
                problem(value, join(path, key), "expected the merge patch as a map such as { spec: { replicas: 2 } },"
                        + " found " + found(value));
                return null;
            }
            JsonNode json = toJson(value, join(path, key));
            return json == null ? null : json.toString();
        }

        private JsonNode toJson(Node value, String at) {
            if (value instanceof MappingNode map) {
                Fields fields = new Fields(map, at);
                ObjectNode object = JSON.createObjectNode();
                for (String key : fields.entries.keySet()) {
                    JsonNode child = toJson(fields.value(key), join(at, key));
                    if (child == null) {
                        return null;
                    }
                    object.set(key, child);
                }
                return object;
            }
            if (value instanceof SequenceNode sequence) {
                ArrayNode array = JSON.createArrayNode();
                for (int i = 0; i < sequence.getValue().size(); i++) {
                    JsonNode child = toJson(sequence.getValue().get(i), at + "[" + i + "]");
                    if (child == null) {
                        return null;
                    }
                    array.add(child);
                }
                return array;
            }
            ScalarNode scalar = (ScalarNode) value;
            Tag tag = scalar.getTag();
            if (tag.equals(Tag.NULL)) {
                return JSON.nullNode();
            }
            if (tag.equals(Tag.BOOL) && scalar.getValue().matches("true|True|TRUE|false|False|FALSE")) {
                return JSON.getNodeFactory().booleanNode(scalar.getValue().equalsIgnoreCase("true"));
            }
            if (tag.equals(Tag.INT) && scalar.getValue().matches("-?\\d{1,18}")) {
                return JSON.getNodeFactory().numberNode(Long.parseLong(scalar.getValue()));
            }
            Text text = substitute(scalar.getValue(), value, at);
            return text == null || text.pending() ? null : JSON.getNodeFactory().textNode(text.value());
        }
    }

    /** What a check or action kind reads from its block: the typed fields, with problems recorded. */
    final class Block {
        final Fields fields;

        Block(Fields fields) {
            this.fields = fields;
        }

        /** Exactly one of {@code selector} and {@code name}. */
        WorkloadTarget target() {
            boolean bySelector = fields.present("selector");
            boolean byName = fields.present("name");
            if (bySelector == byName) {
                problem(fields.node, fields.path, "give exactly one of selector (a label selector such as app=gitpod)"
                        + " and name (one workload)");
                return null;
            }
            if (byName) {
                String name = checked("name", true, "a workload's name, such as ws-manager", Names::objectName);
                return name == null ? null : new WorkloadTarget.Named(name);
            }
            LabelSelector selector = selector("selector");
            return selector == null ? null : new WorkloadTarget.Selected(selector);
        }

        LabelSelector selector(String key) {
            Text text = fields.known(key, true, "a label selector such as app=gitpod");
            if (text == null) {
                return null;
            }
            try {
                return LabelSelectors.parse(text.value());
            } catch (LabelSelectors.SelectorException e) {
                Mark mark = text.node().getStartMark();
                int column = mark.getColumn() + 1 + (text.via().isEmpty() && plainSingleLine(text.node())
                        ? e.column() - 1 : 0);
                problems.add(new DrillProblem(file, mark.getLine() + 1, column, join(fields.path, key),
                        "the selector " + quoted(text.value()) + ": " + e.getMessage() + " (column " + e.column()
                                + " of the selector)" + text.via()));
                return null;
            }
        }

        /** A scalar checked by {@code rule} (null when fine, else what is wrong). */
        String checked(String key, boolean required, String expected, Function<String, String> rule) {
            Text text = fields.known(key, required, expected);
            if (text == null) {
                return null;
            }
            String bad = rule.apply(text.value());
            if (bad != null) {
                problem(text.node(), join(fields.path, key), quoted(text.value()) + " " + bad + text.via());
                return null;
            }
            return text.value();
        }

        boolean present(String key) {
            return fields.present(key);
        }

        void problemAt(String key, String message) {
            problem(fields.present(key) ? fields.value(key) : fields.node, join(fields.path, key), message);
        }

        void problemHere(String message) {
            problem(fields.node, fields.path, message);
        }

        Duration rpoObjective() {
            return rpoObjective;
        }

        boolean rpoWritten() {
            return rpoWritten;
        }

        Path runbookDir() {
            Path parent = file.toAbsolutePath().getParent();
            return parent == null ? Path.of(".") : parent;
        }

        /** Why the manifest next to the runbook cannot be applied, or null when it can. */
        String manifestProblem(String relative) {
            Path manifest;
            try {
                manifest = runbookDir().resolve(relative);
            } catch (java.nio.file.InvalidPathException e) {
                return "\"" + relative + "\" is not a file name";
            }
            if (!Files.exists(manifest)) {
                return "the manifest " + relative + " is not found next to the runbook (looked for "
                        + manifest.normalize() + ")";
            }
            try {
                Manifests.read(manifest);
                return null;
            } catch (Manifests.Unusable e) {
                return e.getMessage();
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private Fields map(Node node, String path, String expected) {
        if (!(node instanceof MappingNode map)) {
            problem(node, path, "expected " + expected + ", found " + found(node));
            return null;
        }
        return new Fields(map, path);
    }

    private void problem(Node node, String path, String message) {
        problems.add(RunbookYaml.problem(file, node == null ? null : node.getStartMark(), path, message));
    }

    private static Map<String, Side> sides() {
        Map<String, Side> sides = new LinkedHashMap<>();
        sides.put("primary", Side.PRIMARY);
        sides.put("standby", Side.STANDBY);
        return sides;
    }

    private static boolean plainSingleLine(Node node) {
        return node instanceof ScalarNode s && s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN
                && s.getStartMark().getLine() == s.getEndMark().getLine();
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    /** What a node is, in the runbook author's words. */
    static String found(Node node) {
        if (node instanceof MappingNode) {
            return "a map (key: value lines)";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof ScalarNode scalar) {
            if (scalar.getTag().equals(Tag.NULL)) {
                return "nothing";
            }
            if (scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT)) {
                return "the number " + abbreviate(scalar.getValue());
            }
            return "the text " + quoted(abbreviate(scalar.getValue()));
        }
        return "something else";
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace("\n", " ");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 39) + "…";
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** The choices of an enum by the word runbooks write for each, in declaration order. */
    static <E> Map<String, E> byKey(E[] values, Function<E, String> key) {
        return Arrays.stream(values).collect(Collectors.toMap(key, e -> e, (a, b) -> a, LinkedHashMap::new));
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String quoted(String text) {
        return text == null ? "nothing" : "\"" + text + "\"";
    }

    static String article(String word) {
        return ("aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "an " : "a ") + word;
    }

    private static String takes(Collection<String> allowed) {
        List<String> own = allowed.stream().filter(k -> !k.equals("kind")).sorted().toList();
        return own.isEmpty() ? "it takes no other keys" : "allowed here: " + sorted(allowed);
    }

    private static String sorted(Collection<String> values) {
        return String.join(", ", new TreeSet<>(values));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /** "; did you mean timeout?" for a near miss (edit distance of at most 2). */
    static String suggestion(String written, Collection<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int d = distance(written.toLowerCase(), candidate.toLowerCase());
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best == null || best.equals(written) ? "" : "; did you mean " + best + "?";
    }

    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2 || a.length() > 64 || b.length() > 64) {
            return 3;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
