package org.drillconsole.drill;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.drillconsole.model.drill.Names;
import org.drillconsole.model.drill.Action;
import org.drillconsole.model.drill.ActionKind;
import org.drillconsole.model.drill.ResourceKind;
import org.drillconsole.model.drill.WorkloadTarget;

/**
 * The registry of action kinds: for each, the keys its block takes and how it is read into its own record.
 * The loader, the docs and the window all read this one list.
 */
public final class ActionKinds {

    public enum Kind {
        SCALE(ActionKind.SCALE, "selector", "name", "replicas", "replicasFrom"),
        ROLLOUT_RESTART(ActionKind.ROLLOUT_RESTART, "selector", "name"),
        CORDON(ActionKind.CORDON, "node"),
        UNCORDON(ActionKind.UNCORDON, "node"),
        MERGE_PATCH(ActionKind.MERGE_PATCH, "resource", "name", "patch"),
        APPLY(ActionKind.APPLY, "file"),
        DELETE(ActionKind.DELETE, "resource", "name");

        private final ActionKind kind;
        private final Set<String> fields;

        Kind(ActionKind kind, String... fields) {
            this.kind = kind;
            this.fields = Set.of(fields);
        }

        public String key() {
            return kind.key();
        }

        public Set<String> fields() {
            return fields;
        }

        Action read(RunbookReader.Block b) {
            return switch (this) {
                case SCALE -> {
                    WorkloadTarget target = b.target();
                    Action.Replicas replicas = replicas(b);
                    yield target == null || replicas == null ? null : new Action.Scale(target, replicas);
                }
                case ROLLOUT_RESTART -> {
                    WorkloadTarget target = b.target();
                    yield target == null ? null : new Action.RolloutRestart(target);
                }
                case CORDON -> {
                    String node = b.checked("node", true, "a node's name", Names::objectName);
                    yield node == null ? null : new Action.Cordon(node);
                }
                case UNCORDON -> {
                    String node = b.checked("node", true, "a node's name", Names::objectName);
                    yield node == null ? null : new Action.Uncordon(node);
                }
                case MERGE_PATCH -> {
                    ResourceKind resource = resource(b);
                    String name = b.checked("name", true, "the object's name", Names::objectName);
                    String patch = b.fields.jsonObject("patch");
                    yield resource == null || name == null || patch == null ? null
                            : new Action.MergePatch(resource, name, patch);
                }
                case APPLY -> {
                    String file = b.checked("file", true, "a manifest file next to the runbook",
                            f -> f.isBlank() ? "is blank" : null);
                    String unusable = file == null ? null : b.manifestProblem(file);
                    if (unusable != null) {
                        b.problemAt("file", unusable);
                        yield null;
                    }
                    yield file == null ? null : new Action.Apply(file);
                }
                case DELETE -> {
                    ResourceKind resource = resource(b);
                    String name = b.checked("name", true, "the object's name", Names::objectName);
                    yield resource == null || name == null ? null : new Action.Delete(resource, name);
                }
            };
        }

        private static Action.Replicas replicas(RunbookReader.Block b) {
            boolean fixed = b.present("replicas");
            boolean fromPrimary = b.present("replicasFrom");
            if (fixed == fromPrimary) {
                b.problemHere("give exactly one of replicas (a number) and replicasFrom: primarySnapshot");
                return null;
            }
            if (fixed) {
                Integer count = b.fields.whole("replicas", true, 0, 1000);
                return count == null ? null : new Action.Replicas.Fixed(count);
            }
            String from = b.fields.choice("replicasFrom", true, Map.of("primarySnapshot", "primarySnapshot"));
            return from == null ? null : new Action.Replicas.FromPrimarySnapshot();
        }

        private static ResourceKind resource(RunbookReader.Block b) {
            return b.fields.choice("resource", true, RunbookReader.byKey(ResourceKind.values(), ResourceKind::key));
        }
    }

    private ActionKinds() {
    }

    public static Map<String, Kind> byKey() {
        return RunbookReader.byKey(Kind.values(), Kind::key);
    }

    static Set<String> allFields() {
        return Arrays.stream(Kind.values()).flatMap(k -> k.fields().stream()).collect(Collectors.toSet());
    }
}
