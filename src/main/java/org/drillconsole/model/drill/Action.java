package org.drillconsole.model.drill;

/**
 * What an action step changes. Which fields apply depends on {@link #kind()}; the validator rejects the
 * others.
 *
 * @param kind scale, rolloutRestart, cordon, uncordon, mergePatch, apply or delete
 * @param resource the object's kind for mergePatch and delete (deployment, statefulset, service, …)
 * @param replicas a fixed number (scale)
 * @param replicasFrom primarySnapshot: the replicas recorded on the primary before the outage (scale)
 * @param node the node (cordon, uncordon)
 * @param patch a JSON merge patch as YAML or JSON (mergePatch)
 * @param file a manifest file, relative to the runbook (apply)
 */
public record Action(String kind, String selector, String name, String resource, Integer replicas,
                     String replicasFrom, String node, Object patch, String file) {
}
