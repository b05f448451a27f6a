package org.drillconsole.drill;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.drillconsole.model.NamedFiles;

/**
 * The Kubernetes objects of an {@code apply} action's manifest file, read as {@code kubectl apply -f} reads
 * them: one object, a List kind, or several YAML documents. The same reading serves validation and the run,
 * so a manifest the run would refuse is refused before it.
 */
final class Manifests {

    static final int MAX_BYTES = 8 * 1024 * 1024;

    /** Why a manifest cannot be applied, in words. */
    static final class Unusable extends Exception {
        Unusable(String reason) {
            super(reason, null, false, false);
        }
    }

    private Manifests() {
    }

    static List<HasMetadata> read(Path file) throws Unusable {
        byte[] bytes;
        try {
            bytes = NamedFiles.read(file, "manifest", MAX_BYTES);
        } catch (NamedFiles.Unreadable e) {
            throw new Unusable("the manifest " + file + " " + e.getMessage());
        }
        Object parsed;
        try {
            // fabric8's own serialization knows every kind; the console's clients know only the ones they watch
            parsed = Serialization.unmarshal(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
            throw new Unusable("the manifest " + file + " is not a Kubernetes manifest (each object needs apiVersion,"
                    + " kind and metadata.name)");
        }
        List<HasMetadata> items = items(parsed, file);
        if (items.isEmpty()) {
            throw new Unusable("the manifest " + file + " holds no Kubernetes object");
        }
        return items;
    }

    private static List<HasMetadata> items(Object parsed, Path file) throws Unusable {
        List<HasMetadata> items = new ArrayList<>();
        if (parsed instanceof HasMetadata one && !(parsed instanceof KubernetesResourceList<?>)) {
            if (one.getKind() == null || one.getMetadata() == null || one.getMetadata().getName() == null
                    || one.getMetadata().getName().isBlank()) {
                throw new Unusable("the manifest " + file + " holds an object without kind or metadata.name");
            }
            items.add(one);
        } else if (parsed instanceof KubernetesResourceList<?> list) {
            for (Object item : list.getItems()) {
                items.addAll(items(item, file));
            }
        } else if (parsed instanceof Collection<?> documents) {
            for (Object document : documents) {
                items.addAll(items(document, file));
            }
        } else if (parsed != null) {
            throw new Unusable("the manifest " + file + " holds something that is not a Kubernetes object");
        }
        return items;
    }
}
