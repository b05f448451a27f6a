package org.drillconsole.cluster;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.drillconsole.model.PodTrouble;

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

    public static Optional<PodTrouble> trouble(Pod pod, Instant now) {
        String name = pod.getMetadata().getName();
        String component = component(pod);
        List<ContainerStatus> statuses = new ArrayList<>();
        int restarts = 0;
        if (pod.getStatus() != null) {
            statuses.addAll(pod.getStatus().getInitContainerStatuses());
            statuses.addAll(pod.getStatus().getContainerStatuses());
        }
        for (ContainerStatus status : statuses) {
            restarts += RolloutRules.value(status.getRestartCount());
        }
        for (ContainerStatus status : statuses) {
            if (status.getState() != null && status.getState().getWaiting() != null) {
                String reason = status.getState().getWaiting().getReason();
                if (reason != null && BAD_WAITING_REASONS.contains(reason)) {
                    String message = Optional.ofNullable(status.getState().getWaiting().getMessage()).orElse("");
                    return Optional.of(new PodTrouble(name, component, reason, restarts,
                            "container " + status.getName() + ": " + reason + (message.isEmpty() ? "" : " - " + message)));
                }
            }
        }
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if ("Failed".equals(phase)) {
            return Optional.of(new PodTrouble(name, component, "Failed", restarts, "pod phase Failed"));
        }
        if ("Pending".equals(phase)) {
            Instant created = parse(pod.getMetadata().getCreationTimestamp());
            if (created != null && Duration.between(created, now).compareTo(LONG_PENDING) > 0) {
                long minutes = Duration.between(created, now).toMinutes();
                return Optional.of(new PodTrouble(name, component, "LongPending", restarts,
                        "Pending for " + minutes + " min"));
            }
        }
        if (restarts >= RESTARTS_WORTH_SHOWING) {
            return Optional.of(new PodTrouble(name, component, "Restarting", restarts, restarts + " restarts"));
        }
        return Optional.empty();
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
