package org.drillconsole.cluster;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.drillconsole.model.PodTrouble;
import org.drillconsole.model.WorkloadKind;

/** Which pods are in trouble, and why, in the words kubectl uses. */
public final class PodRules {

    /** Waiting reasons kubectl's rollout status calls out as warnings. */
    static final Set<String> BAD_WAITING_REASONS = Set.of(
            "CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "CreateContainerConfigError",
            "CreateContainerError", "InvalidImageName");
    static final Duration LONG_PENDING = Duration.ofMinutes(5);
    static final int RESTARTS_WORTH_SHOWING = 5;

    private PodRules() {
    }

    /** The workload that controls a pod, by kind and name. */
    public record Owner(WorkloadKind kind, String name) {
    }

    /**
     * The Deployment, StatefulSet or DaemonSet that owns a pod, from its controller ownerReference. A
     * ReplicaSet's Deployment is named as Kubernetes names ReplicaSets: the Deployment's name, a dash and the
     * pod template hash (which the pod carries as its {@code pod-template-hash} label). Empty for a pod of a
     * Job, a bare pod or a ReplicaSet of no Deployment.
     */
    public static Optional<Owner> owner(Pod pod) {
        for (OwnerReference reference : pod.getMetadata().getOwnerReferences()) {
            if (!Boolean.TRUE.equals(reference.getController()) || reference.getName() == null) {
                continue;
            }
            String name = reference.getName();
            switch (String.valueOf(reference.getKind())) {
                case "StatefulSet" -> {
                    return Optional.of(new Owner(WorkloadKind.STATEFULSET, name));
                }
                case "DaemonSet" -> {
                    return Optional.of(new Owner(WorkloadKind.DAEMONSET, name));
                }
                case "ReplicaSet" -> {
                    var labels = pod.getMetadata().getLabels();
                    String hash = labels == null ? null : labels.get("pod-template-hash");
                    if (hash != null && name.endsWith("-" + hash) && name.length() > hash.length() + 1) {
                        return Optional.of(new Owner(WorkloadKind.DEPLOYMENT,
                                name.substring(0, name.length() - hash.length() - 1)));
                    }
                    return Optional.empty();
                }
                default -> {
                    return Optional.empty(); // a Job's pod, or a controller the console does not show
                }
            }
        }
        return Optional.empty();
    }

    public static Optional<PodTrouble> trouble(Pod pod, Instant now) {
        return trouble(pod, component(pod), now);
    }

    /** @param component the component the pod is shown under (its owner's, as the evaluator resolved it) */
    public static Optional<PodTrouble> trouble(Pod pod, String component, Instant now) {
        return trouble(pod, () -> component, now);
    }

    /**
     * @param component the component the pod is shown under, asked only of a pod in trouble: on a cluster of
     *                  tens of thousands of pods, finding every pod's owner on every evaluation is most of it
     */
    public static Optional<PodTrouble> trouble(Pod pod, java.util.function.Supplier<String> component, Instant now) {
        String name = pod.getMetadata().getName();
        List<ContainerStatus> statuses = statuses(pod);
        int restarts = 0;
        for (ContainerStatus status : statuses) {
            restarts += RolloutRules.value(status.getRestartCount());
        }
        for (ContainerStatus status : statuses) {
            if (status.getState() != null && status.getState().getWaiting() != null) {
                String reason = status.getState().getWaiting().getReason();
                if (reason != null && BAD_WAITING_REASONS.contains(reason)) {
                    String message = Optional.ofNullable(status.getState().getWaiting().getMessage()).orElse("");
                    return Optional.of(new PodTrouble(name, component.get(), reason, restarts, "container "
                            + status.getName() + ": " + reason + (message.isEmpty() ? "" : " - " + message)));
                }
            }
        }
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if ("Failed".equals(phase)) {
            return Optional.of(new PodTrouble(name, component.get(), "Failed", restarts, "pod phase Failed"));
        }
        if ("Pending".equals(phase)) {
            Instant created = parse(pod.getMetadata().getCreationTimestamp());
            if (created != null && Duration.between(created, now).compareTo(LONG_PENDING) > 0) {
                long minutes = Duration.between(created, now).toMinutes();
                return Optional.of(new PodTrouble(name, component.get(), "LongPending", restarts,
                        "Pending for " + minutes + " min"));
            }
        }
        for (ContainerStatus status : statuses) {
            if (status.getLastState() != null && status.getLastState().getTerminated() != null
                    && "OOMKilled".equals(status.getLastState().getTerminated().getReason())) {
                return Optional.of(new PodTrouble(name, component.get(), "OOMKilled", restarts,
                        "container " + status.getName() + " was killed for using too much memory (OOMKilled)"));
            }
        }
        if (restarts >= RESTARTS_WORTH_SHOWING) {
            return Optional.of(new PodTrouble(name, component.get(), "Restarting", restarts, restarts + " restarts"));
        }
        return Optional.empty();
    }

    /** Init and app containers' statuses; no copy in the common case of a pod without init containers. */
    private static List<ContainerStatus> statuses(Pod pod) {
        if (pod.getStatus() == null) {
            return List.of();
        }
        List<ContainerStatus> init = pod.getStatus().getInitContainerStatuses();
        List<ContainerStatus> app = pod.getStatus().getContainerStatuses();
        if (init == null || init.isEmpty()) {
            return app == null ? List.of() : app;
        }
        List<ContainerStatus> all = new ArrayList<>(init);
        if (app != null) {
            all.addAll(app);
        }
        return all;
    }

    /**
     * Whether the health rules have anything to say about a pod, now or later, but for counting it as a
     * running workspace: it is in trouble, or Pending (which turns into trouble with time). The rest may be
     * left out of an evaluation, the running workspaces among them counted, without changing it: on a cluster
     * of tens of thousands of pods, judging only these at every change is what keeps an evaluation short.
     */
    public static boolean worthJudging(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        // The time only matters to a Pending pod, so any instant judges the others.
        return "Pending".equals(phase) || trouble(pod, () -> "", Instant.EPOCH).isPresent();
    }

    public static boolean isRunningWorkspace(Pod pod) {
        return GitpodReference.WORKSPACE_COMPONENT.equals(component(pod))
                && pod.getStatus() != null
                && ("Running".equals(pod.getStatus().getPhase()) || "Pending".equals(pod.getStatus().getPhase()));
    }

    static String component(Pod pod) {
        var labels = pod.getMetadata().getLabels();
        return labels == null ? "" : labels.getOrDefault(GitpodReference.COMPONENT_LABEL, "");
    }

    static Instant parse(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(timestamp);
        } catch (RuntimeException unparsable) {
            return null;
        }
    }
}
