package org.drillconsole.drill;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.drillconsole.model.drill.Action;
import org.drillconsole.model.drill.Check;
import org.drillconsole.model.drill.DrillDefinition;
import org.drillconsole.model.drill.Step;

/** The rules a runbook must follow beyond its shape. A pure function of the parsed file. */
final class DrillValidator {

    static final String API_VERSION = "drills.gitpod-dr/v1";
    static final Set<String> STRATEGIES = Set.of("pilot-light", "backup-restore", "failback", "readiness");
    static final Set<String> STEP_TYPES = Set.of("manual", "approval", "check", "action");
    static final Set<String> CLUSTERS = Set.of("primary", "standby");
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    /** For each check kind: the fields it takes besides {@code kind}. */
    static final Map<String, Set<String>> CHECK_FIELDS = Map.of(
            "workloadsReady", Set.of("selector", "name"),
            "nodesReady", Set.of("count", "labels"),
            "noRunningWorkspaces", Set.of(),
            "standbyMatchesPrimary", Set.of("compare"),
            "apiReachable", Set.of(),
            "apiUnreachable", Set.of(),
            "httpGet", Set.of("url", "expectStatus"),
            "dnsResolves", Set.of("host", "expectAddress", "expectStandbyProxy"),
            "backupAge", Set.of("source", "name", "maxAge"));
    /** Check kinds that read one cluster, so the step must say which. */
    static final Set<String> CHECKS_ON_A_CLUSTER = Set.of("workloadsReady", "nodesReady", "noRunningWorkspaces",
            "apiReachable", "apiUnreachable");
    static final Map<String, Set<String>> ACTION_FIELDS = Map.of(
            "scale", Set.of("selector", "name", "replicas", "replicasFrom"),
            "rolloutRestart", Set.of("selector", "name"),
            "cordon", Set.of("node"),
            "uncordon", Set.of("node"),
            "mergePatch", Set.of("resource", "name", "patch"),
            "apply", Set.of("file"),
            "delete", Set.of("resource", "name"));

    private final Path file;
    private final Map<String, int[]> locations;
    private final List<DrillProblem> problems = new ArrayList<>();

    private DrillValidator(Path file, Map<String, int[]> locations) {
        this.file = file;
        this.locations = locations;
    }

    /** @param unknownKeys pointer and message of each key the parser skipped */
    static List<DrillProblem> validate(DrillDefinition drill, Path file, Map<String, int[]> locations,
                                       List<String[]> unknownKeys) {
        DrillValidator validator = new DrillValidator(file, locations);
        unknownKeys.forEach(key -> validator.problem(key[0], key[1]));
        validator.check(drill);
        return validator.problems;
    }

    private void check(DrillDefinition drill) {
        if (!API_VERSION.equals(drill.apiVersion())) {
            problem("/apiVersion", "must be " + API_VERSION + ", not " + quoted(drill.apiVersion()));
        }
        if (!"Drill".equals(drill.kind())) {
            problem("/kind", "must be Drill, not " + quoted(drill.kind()));
        }
        if (drill.metadata() == null) {
            problem("/metadata", "missing");
        } else {
            if (drill.metadata().name() == null || !NAME.matcher(drill.metadata().name()).matches()) {
                problem("/metadata/name", "must be lower-case letters, digits and dashes, not "
                        + quoted(drill.metadata().name()));
            }
            if (blank(drill.metadata().title())) {
                problem("/metadata/title", "missing: a title for people");
            }
        }
        DrillDefinition.Spec spec = drill.spec();
        if (spec == null) {
            problem("/spec", "missing");
            return;
        }
        if (!STRATEGIES.contains(spec.strategy())) {
            problem("/spec/strategy", "must be one of " + sorted(STRATEGIES) + ", not " + quoted(spec.strategy()));
        }
        if (spec.namespace() != null && !NAME.matcher(spec.namespace()).matches()) {
            problem("/spec/namespace", "not a namespace name: " + quoted(spec.namespace()));
        }
        if (spec.objectives() != null) {
            duration("/spec/objectives/rto", spec.objectives().rto());
            duration("/spec/objectives/rpo", spec.objectives().rpo());
        }
        Map<String, String> ids = new HashMap<>();
        steps("preflight", spec.preflight(), ids);
        steps("steps", spec.steps(), ids);
        steps("cleanup", spec.cleanup(), ids);
        clock(spec);
    }

    private void steps(String list, List<Step> steps, Map<String, String> ids) {
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String at = "/spec/" + list + "/" + i;
            if (step == null) {
                problem(at, "empty step");
                continue;
            }
            if (step.id() == null || !NAME.matcher(step.id()).matches()) {
                problem(at + "/id", "every step needs an id of lower-case letters, digits and dashes, not "
                        + quoted(step.id()));
            } else if (ids.putIfAbsent(step.id(), at) != null) {
                problem(at + "/id", "duplicate step id \"" + step.id() + "\" (first at " + display(ids.get(step.id()))
                        + ")");
            }
            if (!STEP_TYPES.contains(step.type())) {
                problem(at + "/type", "unknown step type " + quoted(step.type()) + " (one of " + sorted(STEP_TYPES) + ")");
                continue;
            }
            if (list.equals("preflight") && !step.type().equals("check")) {
                problem(at + "/type", "preflight steps are checks, not " + step.type());
            }
            if (step.cluster() != null && !CLUSTERS.contains(step.cluster())) {
                problem(at + "/cluster", "must be primary or standby, not " + quoted(step.cluster()));
            }
            if (step.clock() != null && !Set.of("start", "stop").contains(step.clock())) {
                problem(at + "/clock", "must be start or stop, not " + quoted(step.clock()));
            }
            if (step.clock() != null && !list.equals("steps")) {
                problem(at + "/clock", "the RTO clock is marked on steps, not in " + list);
            }
            duration(at + "/timeout", step.timeout());
            duration(at + "/interval", step.interval());
            blocksMatchType(at, step);
            switch (step.type()) {
                case "manual" -> {
                    if (blank(step.instructions())) {
                        problem(at + "/instructions", "a manual step needs instructions for the operator");
                    }
                }
                case "approval" -> {
                    if (blank(step.approver())) {
                        problem(at + "/approver", "an approval step names who approves");
                    }
                }
                case "check" -> check(at, step);
                default -> action(at, step);
            }
        }
    }

    private void blocksMatchType(String at, Step step) {
        if (step.check() != null && !step.type().equals("check")) {
            problem(at + "/check", "only check steps have a check block");
        }
        if (step.action() != null && !step.type().equals("action")) {
            problem(at + "/action", "only action steps have an action block");
        }
    }

    private void check(String at, Step step) {
        Check check = step.check();
        if (check == null) {
            problem(at, "a check step needs a check block");
            return;
        }
        String kind = check.kind();
        if (!CHECK_FIELDS.containsKey(kind)) {
            problem(at + "/check/kind", "unknown check kind " + quoted(kind) + " (one of " + sorted(CHECK_FIELDS.keySet()) + ")");
            return;
        }
        Map<String, Object> fields = fields(check);
        onlyFields(at + "/check", kind, fields, CHECK_FIELDS.get(kind));
        if (CHECKS_ON_A_CLUSTER.contains(kind) && step.cluster() == null) {
            problem(at + "/cluster", "a " + kind + " check needs cluster: primary or standby");
        }
        switch (kind) {
            case "workloadsReady" -> exactlyOne(at + "/check", fields, "selector", "name");
            case "nodesReady" -> {
                if (check.count() != null && check.count() < 1) {
                    problem(at + "/check/count", "must be 1 or more");
                }
            }
            case "standbyMatchesPrimary" -> {
                if (check.compare() != null) {
                    for (String what : check.compare()) {
                        if (!Set.of("components", "images", "replicas").contains(what)) {
                            problem(at + "/check/compare", "compares components, images or replicas, not " + quoted(what));
                        }
                    }
                }
            }
            case "httpGet" -> {
                required(at + "/check", fields, "url");
                if (check.url() != null && !check.url().matches("https?://.+")) {
                    problem(at + "/check/url", "must be an http or https URL, not " + quoted(check.url()));
                }
            }
            case "dnsResolves" -> {
                required(at + "/check", fields, "host");
                exactlyOne(at + "/check", fields, "expectAddress", "expectStandbyProxy");
            }
            case "backupAge" -> {
                if (!Set.of("velero", "cronJob", "operator").contains(check.source())) {
                    problem(at + "/check/source", "must be velero, cronJob or operator, not " + quoted(check.source()));
                } else if (!check.source().equals("operator") && step.cluster() == null) {
                    problem(at + "/cluster", "a " + check.source() + " backup is read from a cluster: say which");
                }
                if ("cronJob".equals(check.source())) {
                    required(at + "/check", fields, "name");
                }
                duration(at + "/check/maxAge", check.maxAge());
            }
            default -> {
                // apiReachable, apiUnreachable, noRunningWorkspaces: nothing more to check
            }
        }
    }

    private void action(String at, Step step) {
        Action action = step.action();
        if (action == null) {
            problem(at, "an action step needs an action block");
            return;
        }
        if (step.cluster() == null) {
            problem(at + "/cluster", "an action changes one cluster: say primary or standby");
        }
        String kind = action.kind();
        if (!ACTION_FIELDS.containsKey(kind)) {
            problem(at + "/action/kind", "unknown action kind " + quoted(kind) + " (one of " + sorted(ACTION_FIELDS.keySet()) + ")");
            return;
        }
        Map<String, Object> fields = fields(action);
        onlyFields(at + "/action", kind, fields, ACTION_FIELDS.get(kind));
        switch (kind) {
            case "scale" -> {
                exactlyOne(at + "/action", fields, "selector", "name");
                exactlyOne(at + "/action", fields, "replicas", "replicasFrom");
                if (action.replicas() != null && action.replicas() < 0) {
                    problem(at + "/action/replicas", "must be 0 or more");
                }
                if (action.replicasFrom() != null && !action.replicasFrom().equals("primarySnapshot")) {
                    problem(at + "/action/replicasFrom", "only primarySnapshot is known, not " + quoted(action.replicasFrom()));
                }
            }
            case "rolloutRestart" -> exactlyOne(at + "/action", fields, "selector", "name");
            case "cordon", "uncordon" -> required(at + "/action", fields, "node");
            case "mergePatch" -> required(at + "/action", fields, "resource", "name", "patch");
            case "delete" -> required(at + "/action", fields, "resource", "name");
            default -> {
                required(at + "/action", fields, "file");
                if (action.file() != null) {
                    Path manifest = file.toAbsolutePath().getParent().resolve(action.file());
                    if (!Files.isRegularFile(manifest)) {
                        problem(at + "/action/file", "manifest not found: " + manifest);
                    }
                }
            }
        }
    }

    /** The RTO clock: one start and one stop among the steps, the stop after the start and on a check. */
    private void clock(DrillDefinition.Spec spec) {
        List<Step> steps = spec.steps();
        if (steps.isEmpty()) {
            return; // a readiness check: preflight only, no clock
        }
        int start = -1;
        int stop = -1;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            if (step == null) {
                continue;
            }
            if ("start".equals(step.clock())) {
                if (start >= 0) {
                    problem("/spec/steps/" + i + "/clock", "the clock starts once (already at step " + steps.get(start).id() + ")");
                }
                start = start < 0 ? i : start;
            } else if ("stop".equals(step.clock())) {
                if (stop >= 0) {
                    problem("/spec/steps/" + i + "/clock", "the clock stops once (already at step " + steps.get(stop).id() + ")");
                }
                stop = stop < 0 ? i : stop;
            }
        }
        if (start < 0) {
            problem("/spec/steps", "no step has clock: start (where the outage, and the RTO clock, begins)");
        }
        if (stop < 0) {
            problem("/spec/steps", "no step has clock: stop (the check that proves Gitpod serves again)");
        }
        if (start >= 0 && stop >= 0 && stop < start) {
            problem("/spec/steps/" + stop + "/clock", "the clock stops before it starts (step " + steps.get(start).id() + ")");
        }
        if (stop >= 0 && !"check".equals(steps.get(stop).type())) {
            problem("/spec/steps/" + stop + "/clock", "the clock stops on a check that proves service is back, "
                    + "not on a " + steps.get(stop).type() + " step");
        }
        if (spec.objectives() == null || blank(spec.objectives().rto())) {
            problem("/spec/objectives", "a drill with a clock needs objectives.rto");
        }
    }

    private void onlyFields(String at, String kind, Map<String, Object> fields, Set<String> allowed) {
        for (String field : fields.keySet()) {
            if (!field.equals("kind") && !allowed.contains(field)) {
                problem(at + "/" + field, "does not apply to " + kind + (allowed.isEmpty() ? "" : " (it takes "
                        + sorted(allowed) + ")"));
            }
        }
    }

    private void exactlyOne(String at, Map<String, Object> fields, String a, String b) {
        if (fields.containsKey(a) == fields.containsKey(b)) {
            problem(at, "give exactly one of " + a + " and " + b);
        }
    }

    private void required(String at, Map<String, Object> fields, String... names) {
        for (String name : names) {
            if (!fields.containsKey(name)) {
                problem(at, name + " is required");
            }
        }
    }

    private void duration(String at, String text) {
        if (text == null) {
            return;
        }
        try {
            if (Durations.parse(text).isZero()) {
                problem(at, "must be longer than zero");
            }
        } catch (IllegalArgumentException e) {
            problem(at, e.getMessage());
        }
    }

    /** The fields of a check or action block that were written, by name. */
    private static Map<String, Object> fields(Record block) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent component : block.getClass().getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(block);
                if (value != null) {
                    fields.put(component.getName(), value);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("record accessors are public", e);
            }
        }
        return fields;
    }

    private void problem(String pointer, String message) {
        int[] at = locate(pointer);
        problems.add(new DrillProblem(file, at[0], at[1], display(pointer), message));
    }

    /** The nearest written position: a missing key is reported where its parent is. */
    private int[] locate(String pointer) {
        String p = pointer;
        while (true) {
            int[] at = locations.get(p);
            if (at != null) {
                return at;
            }
            if (p.isEmpty()) {
                return new int[] {0, 0};
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** {@code /spec/steps/2/check} as {@code spec.steps[2].check}. */
    static String display(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                path.append('[').append(part).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(part);
            }
        }
        return path.toString();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String quoted(String text) {
        return text == null ? "nothing" : "\"" + text + "\"";
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", new TreeSet<>(values));
    }
}
