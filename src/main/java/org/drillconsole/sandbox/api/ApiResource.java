package org.drillconsole.sandbox.api;

import java.util.List;
import java.util.Set;

/**
 * One kind of object the practice API server stores, as discovery describes it.
 *
 * @param subresources the subresources it serves ({@code status}, {@code scale}, {@code log}, {@code eviction})
 * @param printer the server-side table (kubectl's columns) for {@code kubectl get}
 */
public record ApiResource(String group, String version, String plural, String kind, boolean namespaced,
                          List<String> shortNames, List<String> categories, Set<String> subresources,
                          Printer printer) {

    public String groupVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    public String apiVersion() {
        return groupVersion();
    }

    public String singular() {
        return kind.toLowerCase(java.util.Locale.ROOT);
    }

    public boolean has(String subresource) {
        return subresources.contains(subresource);
    }

    /** The path of a collection: {@code /api/v1/namespaces/gitpod/pods} or {@code /apis/apps/v1/deployments}. */
    public String path(String namespace) {
        String root = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
        return namespaced && namespace != null ? root + "/namespaces/" + namespace + "/" + plural : root + "/" + plural;
    }

    @Override
    public String toString() {
        return plural + (group.isEmpty() ? "" : "." + group);
    }
}
