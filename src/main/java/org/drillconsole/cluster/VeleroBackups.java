package org.drillconsole.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drillconsole.model.BackupPoint;

/** Velero's completed Backups, in any namespace: the installation snapshots a restore starts from. */
public final class VeleroBackups {

    private VeleroBackups() {
    }

    /** Every completed Backup; throws the client's exception where Velero is absent (404) or not visible (403). */
    public static List<BackupPoint> completed(KubernetesClient client) {
        List<BackupPoint> found = new ArrayList<>();
        for (var backup : client.genericKubernetesResources(GitpodReference.VELERO_BACKUP).inAnyNamespace().list()
                .getItems()) {
            Object status = backup.getAdditionalProperties().get("status");
            if (status instanceof Map<?, ?> fields && "Completed".equals(fields.get("phase"))) {
                Instant completed = PodRules.parse(String.valueOf(fields.get("completionTimestamp")));
                if (completed != null) {
                    found.add(new BackupPoint("Velero Backup " + backup.getMetadata().getNamespace() + "/"
                            + backup.getMetadata().getName(), completed));
                }
            }
        }
        return List.copyOf(found);
    }
}
