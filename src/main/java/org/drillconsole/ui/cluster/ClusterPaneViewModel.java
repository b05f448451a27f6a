package org.drillconsole.ui.cluster;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.drillconsole.model.ClusterSnapshot;
import org.drillconsole.model.ComponentHealth;
import org.drillconsole.model.ConnectionState;
import org.drillconsole.model.NodeSummary;
import org.drillconsole.model.Side;
import org.drillconsole.model.Verdict;
import org.drillconsole.ui.StatusText;

/** State of one side's pane, updated from snapshots on the FX thread. */
public final class ClusterPaneViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Side side;
    private final ReadOnlyStringWrapper target = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.CONNECTING);
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper("… CONNECTING");
    private final ReadOnlyObjectWrapper<Verdict> verdict = new ReadOnlyObjectWrapper<>(Verdict.UNKNOWN);
    private final ReadOnlyStringWrapper verdictText = new ReadOnlyStringWrapper("? UNKNOWN");
    private final ReadOnlyStringWrapper reasons = new ReadOnlyStringWrapper("not contacted yet");
    private final ReadOnlyStringWrapper connectionDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nodes = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper serving = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper jobs = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper backup = new ReadOnlyStringWrapper("—");
    private final javafx.beans.property.ReadOnlyObjectWrapper<BackupStanding> backupStanding =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(BackupStanding.UNKNOWN);
    private java.time.Duration rpoObjective;
    private ClusterSnapshot lastShown;

    /** How the newest backup stands against the chosen runbook's RPO; the view picks the colour. */
    public enum BackupStanding { WITHIN, NEAR, PAST, NO_OBJECTIVE, NONE, UNKNOWN }

    /**
     * How the side's Gitpod URL answered: no URL set, serving, answering without serving, not answering, or none
     * to probe (a URL in the settings the console cannot probe).
     */
    public enum GitpodStanding { NOT_SET, SERVING, NOT_SERVING, NO_ANSWER, NOT_A_URL }

    private final ReadOnlyStringWrapper gitpod = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyObjectWrapper<GitpodStanding> gitpodStanding =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(GitpodStanding.NOT_SET);
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper objectsKnown = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<ComponentHealth> components = FXCollections.observableArrayList();
    private final ObservableList<ComponentHealth> componentsView = FXCollections.unmodifiableObservableList(components);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private ClusterSnapshot snapshot;

    public ClusterPaneViewModel(Side side) {
        this.side = side;
    }

    public void apply(ClusterSnapshot next) {
        snapshot = next;
        target.set(next.context().isEmpty() ? "not configured" : next.context() + " @ " + next.server()
                + "   namespace " + next.namespace());
        state.set(next.state());
        stateText.set(StatusText.symbol(next.state()) + " " + next.state());
        // Reasons before the verdict: whoever hears of a new verdict reads why.
        reasons.set(String.join("\n", next.reasons()));
        verdict.set(next.verdict());
        verdictText.set(StatusText.symbol(next.verdict()) + " " + next.verdict());
        connectionDetail.set(connectionLine(next));
        // When the API server stops answering, keep the last known objects on screen, marked stale.
        stale.set(!next.state().answers() && next.objectsKnown());
        objectsKnown.set(next.objectsKnown());
        if (next.objectsKnown()) {
            NodeSummary n = next.nodeSummary();
            nodes.set(n.total() == 0 ? "not visible (no RBAC to list nodes?)" : n.ready() + "/" + n.total()
                    + " ready · " + n.cordoned() + " cordoned · " + n.underPressure() + " under pressure · "
                    + (n.missingGitpodLabels() == 0 ? "gitpod.io labels ✔"
                    : n.missingGitpodLabels() + " missing gitpod.io labels"));
            serving.set((next.proxyAddress().isEmpty()
                    ? "no external address: Gitpod is not reachable from outside" : "proxy LB " + next.proxyAddress())
                    + " · running workspaces " + next.runningWorkspaces());
            jobs.set(jobsText(next.batch(), next.observedAt()));
            lastShown = next;
            showBackup();
            // Only touch the lists when they change: a node flapping must not re-render the tables.
            if (!components.equals(next.components())) {
                components.setAll(next.components());
            }
            List<String> lines = problemLines(next);
            if (!problems.equals(lines)) {
                problems.setAll(lines);
            }
        } else if (!next.state().answers()) {
            nodes.set("—");
            serving.set("—");
            jobs.set("—");
            backup.set("—");
            backupStanding.set(BackupStanding.UNKNOWN);
            components.clear();
            problems.clear();
        }
    }

    private static String connectionLine(ClusterSnapshot s) {
        List<String> parts = new java.util.ArrayList<>();
        // A configuration error is already the verdict's reason: not said twice.
        if (s.state() != ConnectionState.MISCONFIGURED) {
            parts.add(s.stateMessage());
        }
        if (s.apiLatencyMs() >= 0) {
            parts.add("API " + s.apiLatencyMs() + " ms");
        }
        if (!s.serverVersion().isEmpty()) {
            parts.add("Kubernetes " + s.serverVersion());
        }
        StringBuilder line = new StringBuilder(String.join(" · ", parts));
        line.append(parts.isEmpty() ? "" : " · ").append("last contact ").append(s.lastContact() == null ? "never" : TIME.format(s.lastContact()));
        return line.toString();
    }

    /** At most this many lines of each kind (pods, nodes): a large cluster in trouble stays readable. */
    static final int MAX_LINES_PER_KIND = 50;

    static List<String> problemLines(ClusterSnapshot s) {
        java.util.ArrayList<String> lines = new java.util.ArrayList<>();
        bounded(lines, s.troubledPods(), p -> "pod " + p.name() + ": " + p.message(), "pods in trouble");
        s.unboundClaims().forEach(c -> lines.add("PVC not bound: " + c));
        bounded(lines, s.nodes().stream().filter(n -> !n.isReady() || n.cordoned() || !n.pressures().isEmpty())
                .toList(), n -> "node " + n.name() + ": Ready=" + n.ready() + (n.cordoned() ? ", cordoned" : "")
                + (n.pressures().isEmpty() ? "" : ", " + String.join(", ", n.pressures())), "nodes not fine");
        // Newest first, already bounded by the evaluator.
        s.warnings().forEach(w -> lines.add("warning " + (w.lastSeen() == null ? "" : TIME.format(w.lastSeen()) + " ")
                + w.object() + " " + w.reason() + ": " + w.message()));
        return lines;
    }

    /** The first lines, and how many more: only those shown are put in words (FX thread, any cluster size). */
    private static <T> void bounded(List<String> into, List<T> items, java.util.function.Function<T, String> line,
                                    String what) {
        items.subList(0, Math.min(items.size(), MAX_LINES_PER_KIND)).forEach(item -> into.add(line.apply(item)));
        if (items.size() > MAX_LINES_PER_KIND) {
            into.add("… and " + (items.size() - MAX_LINES_PER_KIND) + " more " + what + " (health --json lists"
                    + " them all)");
        }
    }

    public Side side() {
        return side;
    }

    public ClusterSnapshot snapshot() {
        return snapshot;
    }

    public ReadOnlyStringProperty targetProperty() {
        return target.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Verdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty verdictTextProperty() {
        return verdictText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reasonsProperty() {
        return reasons.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionDetailProperty() {
        return connectionDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nodesProperty() {
        return nodes.getReadOnlyProperty();
    }

    /** The RPO objective of the runbook chosen in the drill panel (null when none is chosen or it has none). */
    public void setRpoObjective(java.time.Duration objective) {
        rpoObjective = objective;
        if (lastShown != null) {
            showBackup();
        }
    }

    private void showBackup() {
        org.drillconsole.model.BackupPoint newest = lastShown.newestBackup();
        if (newest == null) {
            backup.set("none in sight: no completed Velero Backup or backup CronJob on this cluster");
            backupStanding.set(BackupStanding.NONE);
            return;
        }
        java.time.Instant now = lastShown.observedAt();
        String text = "newest " + org.drillconsole.drill.HumanTime.duration(newest.ageAt(now)) + " ago ("
                + newest.source() + ")";
        if (rpoObjective == null) {
            backup.set(text + " · choose a runbook to judge it against its RPO");
            backupStanding.set(BackupStanding.NO_OBJECTIVE);
            return;
        }
        org.drillconsole.model.BackupPoint.Posture posture = newest.against(rpoObjective, now);
        String objective = org.drillconsole.drill.HumanTime.duration(rpoObjective);
        backup.set(text + switch (posture) {
            case WITHIN -> " · within the RPO of " + objective;
            case NEAR -> " · nearing the RPO of " + objective;
            case PAST -> " · past the RPO of " + objective;
        });
        backupStanding.set(switch (posture) {
            case WITHIN -> BackupStanding.WITHIN;
            case NEAR -> BackupStanding.NEAR;
            case PAST -> BackupStanding.PAST;
        });
    }

    public ReadOnlyStringProperty backupProperty() {
        return backup.getReadOnlyProperty();
    }

    /** The last answer of the side's Gitpod URL, or null when none is probed. FX thread. */
    public void setGitpodAnswer(org.drillconsole.model.GitpodAnswer answer) {
        gitpod.set(gitpodText(answer));
        gitpodStanding.set(answer == null ? GitpodStanding.NOT_SET : answer.serving() ? GitpodStanding.SERVING
                : answer.status() > 0 ? GitpodStanding.NOT_SERVING : GitpodStanding.NO_ANSWER);
    }

    /**
     * The side's Gitpod URL in the settings is none the console can probe (a settings file edited by hand: the
     * connection dialog refuses it): said on the line, never probed. FX thread.
     *
     * @param url  the URL as written, a user name and password in it shown as {@code ***}
     * @param what what is wrong with it ({@link org.drillconsole.model.drill.Names#url})
     */
    public void setGitpodUrlRefused(String url, String what) {
        gitpod.set(org.drillconsole.model.drill.Names.withoutCredentials(url) + " · not probed: the Gitpod URL in the "
                + "settings " + what + " (File > Connect to clusters…)");
        gitpodStanding.set(GitpodStanding.NOT_A_URL);
    }

    static String gitpodText(org.drillconsole.model.GitpodAnswer answer) {
        if (answer == null) {
            return "";
        }
        if (answer.status() < 0) {
            return answer.url() + " · no answer: " + answer.problem();
        }
        return answer.url() + " · " + (answer.serving() ? "serving" : "not serving") + ", HTTP " + answer.status()
                + " in " + answer.latencyMs() + " ms";
    }

    public ReadOnlyStringProperty gitpodProperty() {
        return gitpod.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyObjectProperty<GitpodStanding> gitpodStandingProperty() {
        return gitpodStanding.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyObjectProperty<BackupStanding> backupStandingProperty() {
        return backupStanding.getReadOnlyProperty();
    }

    /** The Jobs and CronJobs with their last result, those in trouble first ("none" when there are none). */
    static String jobsText(List<org.drillconsole.model.BatchWork> batch, java.time.Instant now) {
        if (batch.isEmpty()) {
            return "none";
        }
        return batch.stream().sorted(java.util.Comparator.comparing((org.drillconsole.model.BatchWork b) -> !b.inTrouble()))
                .map(b -> b.name() + " " + (b.inTrouble() ? "⚠ " : "") + b.message()
                        + (b.lastSuccess() != null && b.kind() == org.drillconsole.model.BatchWork.Kind.CRONJOB
                        ? ", last success " + org.drillconsole.drill.HumanTime.duration(java.time.Duration.between(
                        b.lastSuccess(), now)) + " ago" : ""))
                .collect(java.util.stream.Collectors.joining(" · "));
    }

    public ReadOnlyStringProperty jobsProperty() {
        return jobs.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty servingProperty() {
        return serving.getReadOnlyProperty();
    }

    /** Whether the cluster's objects were ever read: no problems listed means none only then. */
    public ReadOnlyBooleanProperty objectsKnownProperty() {
        return objectsKnown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ObservableList<ComponentHealth> components() {
        return componentsView;
    }

    public ObservableList<String> problems() {
        return problemsView;
    }
}
